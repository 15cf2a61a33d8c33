// excel.previewImport and excel.applyImport. A preview reads the file (in the capped worker), finds
// the table (the user's mapping, else the chosen or recognized profile, else detection), reads and
// normalizes its records and plans them against the stored rows; nothing is written. The preview is
// kept in memory under its id until applied, replaced or expired; apply plans again inside its
// transaction, so it writes against what is stored at that moment.
import { randomUUID } from 'node:crypto';
import { detectLayout, headerSignature, layoutAt, type TableLayout } from '../../../common/excel/detect.js';
import { KEY_FIELD, TARGET_FIELDS, type ImportTarget } from '../../../common/excel/fields.js';
import { overrideFields } from '../../../common/excel/mapping.js';
import type { WorkbookModel } from '../../../common/excel/model.js';
import type { ApplyOptions, ApplyResult, ImportPreview, MappingInput, ProfileLayout, TableProfile } from '../../../common/excel/preview.js';
import type { Problem } from '../../../common/excel/problems.js';
import { readTable, type ImportTable } from '../../../common/excel/table.js';
import { ApiError } from '../../../common/errors.js';
import { inBatch, type Actor } from '../../batch.js';
import type { Db } from '../../db/open.js';
import { readWorkbook } from '../../excel/reader.js';
import { MAX_IMPORT_ROWS } from '../../excel/limits.js';
import { EXTRA_LIMITS } from '../../../common/registers.js';
import { getProjectRow } from '../projects.js';
import { loadVocabularies } from '../registers/vocabularies.js';
import { applyPlan, BATCH_LABEL } from './apply.js';
import { deriveWbsStatus, flagDuplicateRefs, planImport, type ImportPlan } from './plan.js';
import { flagPredecessors } from './predecessors.js';
import { findProfile, getTableProfile, replaceProfileLayout, saveProfile } from './profiles.js';

/** A preview is kept this long for apply. */
export const PREVIEW_TTL_MS = 30 * 60 * 1000;
/** Previews kept at once (each holds its workbook's bytes for saving a profile). */
const MAX_PREVIEWS = 4;

interface Kept {
  projectId: number;
  register: ImportTarget;
  fileName: string;
  bytes: Uint8Array;
  table: ImportTable;
  layout: TableLayout;
  signature: string;
  keyMapped: boolean;
  /** The plan shown, and the last audit row when it was made: still valid while no write came since. */
  plan: ImportPlan;
  version: number;
  at: number;
}

export interface PreviewInput {
  projectId: number;
  register: ImportTarget;
  fileName: string;
  dataBase64: string;
  profileId?: number;
  mapping?: MappingInput;
}

const invalid = (field: string, message: string) => new ApiError('VALIDATION', `${field}: ${message}`, [{ field, message }]);

/** The profile's layout as detection would have answered it (0-based rows). */
function profileLayout(register: ImportTarget, p: ProfileLayout): TableLayout {
  return { target: register, sheet: p.sheet, headerTop: p.headerTop - 1, headerBottom: p.headerBottom - 1, columns: p.columns.map((m) => ({ ...m })), score: 0 };
}

/** Where a table is looked for when nothing was found: the first sheet with values, its first row. */
function fallbackLayout(model: WorkbookModel, register: ImportTarget, sheetName?: string): TableLayout | null {
  const sheet = model.sheets.find((s) => !s.skipped && s.rows.length > 0 && (sheetName === undefined || s.name === sheetName));
  if (!sheet) return null;
  const top = sheet.rows[0]!.r;
  return layoutAt(model, register, sheet.name, top, top);
}

function chooseLayout(
  model: WorkbookModel,
  register: ImportTarget,
  profile: TableProfile | null,
  mapping: MappingInput,
  opts: { vocab: ReturnType<typeof loadVocabularies>; today: string },
): { layout: TableLayout; problems: Problem[] } {
  const problems: Problem[] = [];
  const detectOpts = { vocab: opts.vocab, reference: opts.today };
  if (mapping.sheet !== undefined && !model.sheets.some((s) => s.name === mapping.sheet)) throw invalid('mapping.sheet', `${model.fileName} has no sheet named ${mapping.sheet}`);
  let layout: TableLayout | null = null;
  if (mapping.headerTop !== undefined) {
    const profileSheet = profile && model.sheets.some((s) => s.name === profile.layout.sheet) ? profile.layout.sheet : undefined;
    const name = mapping.sheet ?? profileSheet ?? defaultSheet(model, register, detectOpts);
    const bottom = mapping.headerBottom ?? mapping.headerTop;
    if (bottom < mapping.headerTop) throw invalid('mapping.headerBottom', 'must not be above headerTop');
    layout = layoutAt(model, register, name, mapping.headerTop - 1, bottom - 1, detectOpts);
    if (!layout) throw invalid('mapping.headerTop', `${model.fileName}: row ${mapping.headerTop} of sheet ${name} holds no header words`);
  } else if (profile && (mapping.sheet === undefined || mapping.sheet === profile.layout.sheet) && model.sheets.some((s) => s.name === profile.layout.sheet)) {
    layout = profileLayout(register, profile.layout);
  } else {
    const found = detectLayout(model, register, { ...detectOpts, sheet: mapping.sheet });
    if (found.ok) layout = found.layout;
    else {
      problems.push({ kind: 'header', reason: `${model.fileName}: ${found.reason}` });
      layout = fallbackLayout(model, register, mapping.sheet);
      if (!layout) throw invalid('dataBase64', `${model.fileName}: ${found.reason}`);
    }
  }
  if (mapping.columns && mapping.columns.length > 0) {
    const o = overrideFields(register, layout.columns, mapping.columns);
    if (o.problems.length > 0) throw invalid('mapping.columns', o.problems.join('; '));
    layout = { ...layout, columns: o.columns };
  }
  return { layout, problems };
}

function defaultSheet(model: WorkbookModel, register: ImportTarget, opts: { vocab: ReturnType<typeof loadVocabularies>; reference: string }): string {
  const found = detectLayout(model, register, opts);
  if (found.ok) return found.layout.sheet;
  const first = model.sheets.find((s) => !s.skipped && s.rows.length > 0);
  if (!first) throw invalid('dataBase64', `${model.fileName} has no sheet with values`);
  return first.name;
}

/** Every write of the workspace adds audit rows: an unchanged maximum means nothing was written since. */
function auditVersion(db: Db): number {
  return (db.prepare('SELECT max(id) FROM audit_log').pluck().get() as number | null) ?? 0;
}

export class ImportPreviews {
  private readonly kept = new Map<string, Kept>();

  constructor(
    private readonly db: Db,
    private readonly actor: Actor,
    private readonly today: () => string,
  ) {}

  async preview(input: PreviewInput): Promise<ImportPreview> {
    const { db } = this;
    getProjectRow(db, input.projectId);
    const bytes = Buffer.from(input.dataBase64, 'base64');
    if (bytes.length === 0) throw invalid('dataBase64', `${input.fileName} is empty`);
    const profile = input.profileId !== undefined ? getTableProfile(db, input.profileId) : null;
    if (profile && profile.register !== input.register)
      throw invalid('profileId', `profile ${profile.name} is for the ${profile.register} register, not ${input.register}`);
    let model: WorkbookModel;
    try {
      model = await readWorkbook(bytes, input.fileName);
    } catch (err) {
      throw invalid('dataBase64', (err as Error).message);
    }
    const vocab = loadVocabularies(db, input.projectId);
    const today = this.today();
    const found = profile ?? findProfile(db, input.register, model);
    const { layout, problems } = chooseLayout(model, input.register, found, input.mapping ?? {}, { vocab, today });
    const extraColumns = layout.columns.filter((m) => m.field === null).length;
    if (extraColumns > EXTRA_LIMITS.keys)
      throw invalid('dataBase64', `${input.fileName}: sheet ${layout.sheet} has ${extraColumns.toLocaleString('en-US')} columns PMO Desk has no field for; a row keeps at most ${EXTRA_LIMITS.keys.toLocaleString('en-US')}`);
    const table = readTable(model, layout, { vocab, today });
    if (table.records.length > MAX_IMPORT_ROWS)
      throw invalid('dataBase64', `${input.fileName}: sheet ${layout.sheet} has ${table.records.length.toLocaleString('en-US')} rows of data; PMO Desk imports up to ${MAX_IMPORT_ROWS.toLocaleString('en-US')} rows at a time: split the file`);
    flagDuplicateRefs(table);
    flagPredecessors(table);
    deriveWbsStatus(table);
    table.problems.unshift(...problems);
    const key = KEY_FIELD[input.register];
    const keyMapped = layout.columns.some((m) => m.field === key);
    if (!keyMapped && problems.length === 0) table.problems.unshift({ sheet: layout.sheet, kind: 'header', reason: `no column is mapped to the ${key} field; choose the column that holds it` });
    else if (table.records.length === 0 && problems.length === 0)
      table.problems.unshift({ sheet: layout.sheet, kind: 'header', reason: `the table on sheet ${layout.sheet} (header in row ${layout.headerTop + 1}) has no rows of data` });
    // Nothing is planned from a table that was not found, until the user points at its header.
    const guessed = problems.length > 0 && input.mapping?.headerTop === undefined && !input.mapping?.columns?.length;
    const plan: ImportPlan = keyMapped && !guessed ? planImport(db, input.projectId, table, today) : { matchBy: 'name', planned: [], missing: [], rows: [] };
    const signature = headerSignature(model, layout.sheet, layout.headerTop, layout.headerBottom) ?? '';
    const usedProfile = found && layout.sheet === found.layout.sheet && layout.headerTop === found.layout.headerTop - 1 ? found : null;

    const previewId = randomUUID();
    this.expireLater();
    this.sweep();
    this.kept.set(previewId, { projectId: input.projectId, register: input.register, fileName: input.fileName, bytes, table, layout, signature, keyMapped: keyMapped && !guessed, plan, version: auditVersion(db), at: Date.now() });
    const n = (s: string) => plan.planned.filter((p) => p.status === s).length;
    return {
      previewId,
      fileName: input.fileName,
      register: input.register,
      sheet: layout.sheet,
      sheets: model.sheets.map((s) => s.name),
      header: table.header,
      data: table.data,
      columns: table.columns,
      fields: Object.keys(TARGET_FIELDS[input.register]),
      ...(table.hierarchy ? { hierarchy: table.hierarchy } : {}),
      matchBy: plan.matchBy,
      profile: usedProfile ? { id: usedProfile.id, name: usedProfile.name, how: profile ? 'chosen' : 'signature' } : null,
      headerSignature: signature,
      rows: plan.rows,
      missing: plan.missing.map(({ id, key: k, name }) => ({ id, key: k, name })),
      counts: { new: n('new'), changed: n('changed'), unchanged: n('unchanged'), missing: plan.missing.length, skipped: n('skipped'), problems: table.problems.length },
      problems: table.problems,
    };
  }

  apply(previewId: string, options: ApplyOptions = {}): ApplyResult {
    const { db } = this;
    this.sweep();
    const kept = this.kept.get(previewId);
    if (!kept) throw new ApiError('NOT_FOUND', 'this import preview has expired or was already applied; preview the file again', { field: 'previewId' });
    if (!kept.keyMapped) throw invalid('previewId', `no column is mapped to the ${KEY_FIELD[kept.register]} field`);
    const today = this.today();
    const run = db.sqlite.transaction(() => {
      let batchId: string | null = null;
      const counts = inBatch(db, this.actor, BATCH_LABEL, kept.projectId, (batch) => {
        batchId = batch.id;
        const plan = auditVersion(db) === kept.version ? kept.plan : planImport(db, kept.projectId, kept.table, today, false);
        return applyPlan(db, batch, kept.projectId, kept.register, plan, options, today);
      });
      const wrote = batchId !== null && db.prepare('SELECT 1 FROM batches WHERE id = ?').get(batchId) !== undefined;
      const profileId = this.saveProfile(kept, options, today);
      return { ...counts, batchId: wrote ? batchId : null, profileId };
    });
    const result = run.immediate();
    this.kept.delete(previewId);
    return result;
  }

  private saveProfile(kept: Kept, options: ApplyOptions, today: string): number | null {
    if (options.saveProfileAs === undefined && options.updateProfileId === undefined) return null;
    const layout: ProfileLayout = {
      sheet: kept.layout.sheet,
      headerTop: kept.layout.headerTop + 1,
      headerBottom: kept.layout.headerBottom + 1,
      columns: kept.table.columns,
      ...(kept.table.hierarchy ? { hierarchy: kept.table.hierarchy } : {}),
      ...(kept.table.progressScale ? { progressScale: kept.table.progressScale } : {}),
    };
    // The stored row each record now is (planned again after the apply: new records have their ids).
    const after = planImport(this.db, kept.projectId, kept.table, today, false);
    const rows: [number, number][] = after.planned.flatMap((q) => (q.id !== undefined && q.status !== 'skipped' && !kept.table.records[q.record]!.group ? [[kept.table.records[q.record]!.row, q.id] as [number, number]] : []));
    const groups = after.planned.flatMap((q) => (q.id !== undefined && kept.table.records[q.record]!.group ? [q.id] : []));
    const records = { projectId: kept.projectId, rows, groups };
    const p = { register: kept.register, headerSignature: kept.signature, template: kept.bytes, fileName: kept.fileName, layout, records };
    if (options.saveProfileAs !== undefined) return saveProfile(this.db, { ...p, name: options.saveProfileAs });
    if (options.updateProfileId !== undefined) {
      replaceProfileLayout(this.db, options.updateProfileId, p);
      return options.updateProfileId;
    }
    return null;
  }

  /**
   * Drops a preview the user will not apply (the import dialog closed): a 10,000-row preview holds the
   * file, its table and plan, ~15 MB, which would otherwise wait for its 30 minutes. Answers whether
   * there was one; an unknown or already applied id is not an error.
   */
  discard(previewId: string): { discarded: boolean } {
    return { discarded: this.kept.delete(previewId) };
  }

  // Expiry runs on a timer too, not only on the next preview: a window left alone releases its memory.
  private timer: ReturnType<typeof setTimeout> | null = null;
  private expireLater(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const now = Date.now();
      for (const [id, k] of this.kept) if (now - k.at > PREVIEW_TTL_MS) this.kept.delete(id);
      if (this.kept.size > 0) this.expireLater();
    }, PREVIEW_TTL_MS / 10);
    // Never the reason a process stays alive.
    this.timer.unref?.();
  }

  /** Drops expired previews, and the oldest beyond the limit. */
  private sweep(): void {
    const now = Date.now();
    for (const [id, k] of this.kept) if (now - k.at > PREVIEW_TTL_MS) this.kept.delete(id);
    while (this.kept.size >= MAX_PREVIEWS) this.kept.delete(this.kept.keys().next().value!);
  }
}
