import { useCallback, useEffect, useState } from 'react';
import type { RowClassRules } from 'ag-grid-community';
import { localToday } from '../../../../electron/common/dates.js';
import type { Project } from '../../../../electron/common/dto.js';
import type { Issue } from '../../../../electron/common/registers.js';
import { call } from '../../api/client.js';
import type { ColumnContext } from '../registers/columns.js';
import { RegisterPage } from '../registers/RegisterPage.js';
import { issueColumns } from './issueColumns.js';
import { meetingCol, meetingLabels } from './meetingColumn.js';

/** Overdue: past due and not closed (the core decides; the row turns red). */
const rowClassRules: RowClassRules<Issue> = { 'row-overdue': (p) => !!p.data?.overdue };

/**
 * 課題管理表: issues, actions, questions, requests and defects, with overdue rows marked and their age.
 * Action items of meetings name their meeting, linked to its minutes.
 */
export function IssuesPage({ project }: { project: Project }) {
  const newRow = useCallback(() => ({ raisedOn: localToday() }), []);
  const [meetings, setMeetings] = useState<Map<number, string>>(new Map());
  useEffect(() => {
    call('meeting.list', { projectId: project.id }).then((list) => setMeetings(meetingLabels(list)), () => undefined);
  }, [project.id]);
  const columns = useCallback((c: ColumnContext) => {
    const cols = issueColumns(c);
    const at = cols.findIndex((x) => x.field === 'due') + 1;
    return [...cols.slice(0, at), meetingCol(c, meetings), ...cols.slice(at)];
  }, [meetings]);
  return <RegisterPage<Issue> project={project} register="issue" view="issues" columns={columns} newRow={newRow} rowClassRules={rowClassRules} />;
}
