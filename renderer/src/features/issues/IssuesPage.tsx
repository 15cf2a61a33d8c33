import { useCallback } from 'react';
import type { RowClassRules } from 'ag-grid-community';
import { localToday } from '../../../../electron/common/dates.js';
import type { Project } from '../../../../electron/common/dto.js';
import type { Issue } from '../../../../electron/common/registers.js';
import { RegisterPage } from '../registers/RegisterPage.js';
import { issueColumns } from './issueColumns.js';

/** Overdue: past due and not closed (the core decides; the row turns red). */
const rowClassRules: RowClassRules<Issue> = { 'row-overdue': (p) => !!p.data?.overdue };

/** 課題管理表: issues, actions, questions, requests and defects, with overdue rows marked and their age. */
export function IssuesPage({ project }: { project: Project }) {
  const newRow = useCallback(() => ({ raisedOn: localToday() }), []);
  return <RegisterPage<Issue> project={project} register="issue" view="issues" columns={issueColumns} newRow={newRow} rowClassRules={rowClassRules} />;
}
