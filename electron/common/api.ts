// The API contract: every call is `domain.verb`, with a zod schema for its input and a type for its
// result. The core implements it; the Electron IPC and web host adapters validate with these same
// schemas. Each domain declares its part in api/<domain>.ts; this file joins them.
import type { z } from 'zod';
import { appApi } from './api/app.js';
import { backupApi } from './api/backup.js';
import { projectApi } from './api/project.js';
import { wbsApi } from './api/wbs.js';
import { scheduleApi } from './api/schedule.js';
import { progressApi } from './api/progress.js';
import { portfolioApi } from './api/portfolio.js';
import { historyApi } from './api/history.js';
import { registersApi } from './api/registers.js';
import { vocabApi } from './api/vocab.js';
import { meetingsApi } from './api/meetings.js';
import { excelApi } from './api/excel.js';
import { searchApi } from './api/search.js';
import { transferApi } from './api/transfer.js';

export { isoDate } from './api/schemas.js';
export { wbsFields } from './api/wbs.js';
export type { RestoreResult } from './api/backup.js';

export const api = {
  ...appApi,
  ...backupApi,
  ...projectApi,
  ...wbsApi,
  ...scheduleApi,
  ...progressApi,
  ...portfolioApi,
  ...historyApi,
  ...registersApi,
  ...vocabApi,
  ...meetingsApi,
  ...excelApi,
  ...searchApi,
  ...transferApi,
} as const;

export type Api = typeof api;
export type Method = keyof Api;
export type Input<M extends Method> = z.input<Api[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Api[M]['input']>;
export type Output<M extends Method> = Api[M]['output'];
/**
 * The handlers of some methods of the contract, as a domain module implements them. Most answer at
 * once (SQLite through better-sqlite3 is synchronous); a few, like writing a workbook, need to wait.
 */
export type HandlerMap<M extends Method> = { [K in M]: (input: ParsedInput<K>) => Output<K> | Promise<Output<K>> };

export const METHODS = Object.keys(api) as Method[];

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(api, name);
}
