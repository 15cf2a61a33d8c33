import { useCallback, useMemo } from 'react';
import type { RowClassRules } from 'ag-grid-community';
import { localToday } from '../../../../electron/common/dates.js';
import type { Project } from '../../../../electron/common/dto.js';
import type { Issue } from '../../../../electron/common/registers.js';
import { read, useQuery } from '../../api/useApi.js';
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
  // The meetings an action item names, read again when a meeting is written.
  const meetingsQuery = useQuery(['meeting'], async () => meetingLabels(await read('meeting.list', { projectId: project.id })), [project.id]);
  const meetings = useMemo(() => meetingsQuery.data ?? new Map<number, string>(), [meetingsQuery.data]);
  const columns = useCallback((c: ColumnContext) => {
    const cols = issueColumns(c);
    const at = cols.findIndex((x) => x.field === 'due') + 1;
    return [...cols.slice(0, at), meetingCol(c, meetings), ...cols.slice(at)];
  }, [meetings]);
  return <RegisterPage<Issue> project={project} register="issue" view="issues" columns={columns} newRow={newRow} rowClassRules={rowClassRules} />;
}
