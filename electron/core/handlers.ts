// The implementation of the API contract. Adapters (Electron IPC, web host, tests) call `invoke`,
// which validates the input with the contract's schema, runs the handler, and answers an envelope.
import { parsedArgs } from './raw-json.js';
import { duringCall } from './release-memory.js';
import type { z } from 'zod';
import { api, isMethod, type HandlerMap, type Method, type ParsedInput } from '../common/api.js';
import { ApiError, textError, type ErrorText, type Envelope, type FieldProblem } from '../common/errors.js';
import { MAX_FILE_MB } from '../common/api/excel.js';
import type { AppInfo } from '../common/dto.js';
import type { SqlDb as Db } from './db/sql.js';
import type { Actor } from './batch.js';
import { appHandlers } from './handlers/app.js';
import { projectHandlers } from './handlers/project.js';
import { wbsHandlers } from './handlers/wbs.js';
import { scheduleHandlers } from './handlers/schedule.js';
import { progressHandlers } from './handlers/progress.js';
import { portfolioHandlers } from './handlers/portfolio.js';
import { historyHandlers } from './handlers/history.js';
import { registersHandlers } from './handlers/registers.js';
import { vocabHandlers } from './handlers/vocab.js';
import { meetingsHandlers } from './handlers/meetings.js';
import { excelHandlers } from './handlers/excel.js';
import { transferHandlers } from './handlers/transfer.js';
import { searchHandlers } from './handlers/search.js';
import { backupHandlers, type Storage } from './handlers/backup.js';
import { toApiError, type Handlers } from './envelope.js';
import type { BackupReason } from '../common/dto.js';
import type { Caller } from './call-scope.js';

export interface HostContext extends Actor {
  version: string;
  osLocale: string;
  shell: AppInfo['shell'];
  /** Today (yyyy-mm-dd) for late, overdue and age; tests pin it. Default: this machine's calendar day. */
  today?: () => string;
  /** Resolves at the next batch committed by any client, or after `ms` (a team database: pg-live.ts). */
  nextBatch?: (ms: number) => Promise<void>;
  /** The migrations the workspace was opened with: a copy migrates its target (handlers/transfer.ts). */
  migrations?: { folder: string; nativeBinding?: string };
  /** The workspace's file and backups (workspace.ts); absent when handlers run over a bare database. */
  storage?: Storage & { beforeRisky(reason: BackupReason, unlessNewerThanMs?: number): void };
}

/**
 * A backup this recent makes the one before an import needless: an import only adds and changes rows,
 * as one batch that undo takes back exactly, and the history keeps every change made since that backup.
 * Copying the whole workspace (VACUUM INTO) before every import made each import cost what the file
 * costs, not what it changes: 35 % of a 100,000-row import, and seconds for 10 rows into a 1 GB file.
 */
export const RECENT_BACKUP_MS = 60 * 60 * 1000;

/**
 * Calls that change much at once: the workspace is backed up before each (after its input is valid);
 * `unlessRecent`: not when a backup under RECENT_BACKUP_MS old exists and the call deletes nothing.
 */
const BACKED_UP_BEFORE: Partial<Record<Method, { reason: BackupReason; unlessRecent?: (input: never) => boolean }>> = {
  // An import that deletes the rows missing from the file is backed up whatever the last backup.
  'excel.applyImport': { reason: 'import', unlessRecent: (input: { options?: { missing?: string } }) => input.options?.missing !== 'delete' },
  'meeting.importForm': { reason: 'import', unlessRecent: () => true },
  'project.delete': { reason: 'project-delete' },
};

/** What a workspace that cannot be opened still answers: its condition, and the way back (backups). */
const RECOVERY_METHODS: ReadonlySet<string> = new Set([
  'app.info',
  'backup.list',
  'backup.restore',
  'backup.projects',
  'backup.settings',
  'backup.setFolder',
  'workspace.status',
  'workspace.check',
  'workspace.openReadOnly',
]);

type Impl = HandlerMap<Method>;


export function createHandlers(db: Db, ctx: HostContext): Handlers {
  // Each domain implements its part of the contract; the type makes a missing method a compile error.
  const impl: Impl = {
    ...appHandlers(db, ctx),
    ...projectHandlers(db, ctx),
    ...wbsHandlers(db, ctx),
    ...scheduleHandlers(db, ctx),
    ...progressHandlers(db, ctx),
    ...portfolioHandlers(db, ctx),
    ...historyHandlers(db, ctx),
    ...registersHandlers(db, ctx),
    ...vocabHandlers(db, ctx),
    ...meetingsHandlers(db, ctx),
    ...excelHandlers(db, ctx),
    ...searchHandlers(db),
    ...transferHandlers(db, ctx),
    ...backupHandlers(ctx.storage),
  };
  return invoker(impl, ctx);
}

/**
 * The handlers of a workspace whose file cannot be used (damaged or missing): app.info, the file's
 * condition and the backups answer; every other call is DAMAGED, so nothing touches the file.
 */
export function createRecoveryHandlers(ctx: HostContext): Handlers {
  const storage = backupHandlers(ctx.storage);
  const impl: Partial<Impl> = {
    ...storage,
    'app.info': () => ({ version: ctx.version, user: ctx.user, osLocale: ctx.osLocale, shell: ctx.shell, language: null }),
  };
  return invoker(impl, ctx, (method) => {
    if (RECOVERY_METHODS.has(method)) return;
    const status = ctx.storage?.status();
    // A file lost while running is said in the workspace's own sentence; other details are SQLite's words, for support only.
    const lost = status?.problem === 'fileDeleted' || status?.problem === 'fileReplaced';
    const why = lost && status.detail ? status.detail : (status?.problem ?? 'damaged');
    throw textError('DAMAGED', 'workspace.unusable', {}, `The workspace cannot be used: ${why}`, status);
  });
}

function invoker(impl: Partial<Impl>, ctx: HostContext, guard?: (method: Method) => void): Handlers {
  return {
    // (duringCall: a collection of this thread's garbage asked for meanwhile waits for the answer.)
    invoke: (method, body) =>
      duringCall(async () => {
        try {
          const args = await parsedArgs(body);
          if (!isMethod(method)) throw textError('UNKNOWN_METHOD', 'unknownMethod', { method }, `Unknown API method: ${method}`, { method });
          const input = parseInput(method, args ?? {});
          guard?.(method);
          const run = impl[method] as ((i: unknown) => unknown) | undefined;
          if (!run) throw textError('DAMAGED', 'workspace.unusable', {}, 'The workspace cannot be used');
          const before = BACKED_UP_BEFORE[method];
          if (before) ctx.storage?.beforeRisky(before.reason, before.unlessRecent?.(input as never) ? RECENT_BACKUP_MS : undefined);
          return { ok: true, result: await run(input) };
        } catch (err) {
          return { ok: false, error: toApiError(err).toJSON() };
        }
      }),
  };
}

function parseInput<M extends Method>(method: M, args: unknown): ParsedInput<M> {
  const parsed = (api[method].input as z.ZodType).safeParse(args);
  if (parsed.success) return parsed.data as ParsedInput<M>;
  const problems: FieldProblem[] = parsed.error.issues.map((i) => ({
    // An unknown key is reported as the field itself (patch.foo), not only its parent object.
    field: [...i.path, ...(i.code === 'unrecognized_keys' ? i.keys : [])].join('.') || '(input)',
    message: i.message,
  }));
  const first = problems[0]!;
  throw new ApiError('VALIDATION', `${method}: ${first.field}: ${first.message}`, problems, issueText(parsed.error.issues[0]!, first.field, method));
}

/**
 * What the UI says of a refused input (serverErrors.input.*): the field as the API names it, with the
 * method, so the UI can name it as its screen does (件名, not values.title: renderer fieldLabel), and
 * what is wrong, from the schema's own rule (its limit), not from the English message.
 */
function issueText(issue: z.core.$ZodIssue, field: string, method: string): ErrorText {
  const i = issue as z.core.$ZodIssue & { origin?: string; maximum?: number | bigint; minimum?: number | bigint };
  const n = (v: number | bigint | undefined) => Number(v ?? 0);
  // A workbook travels as base64: its limit in characters means nothing to the user, its size does.
  if (i.code === 'too_big' && /(^|\.)dataBase64$/.test(field)) return { key: 'input.fileTooLarge', params: { max: MAX_FILE_MB } };
  const key = (() => {
    switch (i.code) {
      case 'too_big':
        return i.origin === 'string' ? 'tooLong' : i.origin === 'array' || i.origin === 'set' ? 'tooMany' : 'tooBig';
      case 'too_small':
        if (i.origin === 'string') return n(i.minimum) <= 1 ? 'empty' : 'tooShort';
        return i.origin === 'array' || i.origin === 'set' ? 'tooFew' : 'tooSmall';
      case 'invalid_type':
        return 'type';
      case 'invalid_value':
        return 'value';
      case 'invalid_format':
        return 'format';
      case 'unrecognized_keys':
        return 'unknown';
      default:
        return 'other';
    }
  })();
  return { key: `input.${key}`, params: { field, method, ...(i.maximum !== undefined && { max: n(i.maximum) }), ...(i.minimum !== undefined && { min: n(i.minimum) }) } };
}

