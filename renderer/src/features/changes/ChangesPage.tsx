import { useCallback } from 'react';
import { localToday } from '../../../../electron/common/dates.js';
import type { Project } from '../../../../electron/common/dto.js';
import type { Change } from '../../../../electron/common/registers.js';
import { RegisterPage } from '../registers/RegisterPage.js';
import { changeColumns } from './changeColumns.js';

/** 変更管理表: change requests, their impact on scope, schedule and cost, the decision and its implementation. */
export function ChangesPage({ project }: { project: Project }) {
  const newRow = useCallback(() => ({ requestedOn: localToday() }), []);
  return <RegisterPage<Change> project={project} register="change" view="changes" columns={changeColumns} newRow={newRow} />;
}
