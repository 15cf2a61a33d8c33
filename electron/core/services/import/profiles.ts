// Client profiles: a client's workbook kept as the template its exports are written into, with the
// layout of its table (sheet, header rows, column → field). Profiles belong to the workspace, not to
// a project: one client format serves every project of that client. A profile is found again when a
// workbook comes back whose header reads the same (its signature, see headerSignature).
import { workbookRefusal } from '../../excel/error-text.js';
import type { ImportTarget } from '../../../common/excel/fields.js';
import { headerSignature } from '../../excel/import/detect.js';
import type { WorkbookModel } from '../../../common/excel/model.js';
import type { CardLayout, FormLayout } from '../../../common/excel/form.js';
import type { CardProfile, FormProfile, Profile, ProfileLayout, ProfileSummary, ReportProfile, TableProfile } from '../../../common/excel/preview.js';
import type { ReportFormLayout } from '../../../common/excel/report-form.js';
import { ApiError, textError } from '../../../common/errors.js';
import type { SqlDb as Db } from '../../db/sql.js';
import * as q from '../../db/queries/profiles.js';

/** What the `mapping` JSON column holds: a table layout or a form layout. */
type Stored =
  | { fileName: string; layout: ProfileLayout; records?: RecordLinks; form?: undefined; card?: undefined; report?: undefined }
  | { fileName: string; form: FormLayout; layout?: undefined; card?: undefined; report?: undefined }
  | { fileName: string; card: CardLayout; layout?: undefined; form?: undefined; report?: undefined }
  | { fileName: string; report: ReportFormLayout; layout?: undefined; form?: undefined; card?: undefined };

/**
 * Which stored row each record of the template became when it was imported (in that project): an
 * export keeps a record's block for its row even after the row was renamed or renumbered, which
 * matching by name or ID could not tell.
 */
export interface RecordLinks {
  projectId: number;
  /** [1-based template row, stored id]. */
  rows: [number, number][];
  /** Stored tasks made from a 大/中分類 value (no row of their own). */
  groups?: number[];
  /**
   * Each linked WBS summary's rolled-up fields as the import left them: the client's own figure on a
   * summary row (a total it typed, a status it left blank) stays until the roll-up moves.
   */
  rolled?: [number, Record<string, unknown>][];
}

type Row = q.ProfileRow;

function toProfile(r: Row): Profile {
  const stored = JSON.parse(r.mapping) as Stored;
  const base = { id: r.id, name: r.name, fileName: stored.fileName, createdAt: r.created_at, updatedAt: r.updated_at };
  if (stored.form) return { ...base, kind: 'form', register: 'minutes', sheet: stored.form.sheet, form: stored.form };
  if (stored.card) return { ...base, kind: 'card', register: stored.card.register, sheet: stored.card.sheet, card: stored.card };
  if (stored.report) return { ...base, kind: 'report', register: 'report', sheet: stored.report.sheet, report: stored.report };
  return { ...base, kind: 'table', register: r.register as ImportTarget, sheet: stored.layout.sheet, headerSignature: r.header_signature, layout: stored.layout };
}

function summary(p: Profile): ProfileSummary {
  const { id, name, kind, register, sheet, fileName, createdAt, updatedAt } = p;
  return { id, name, kind, register, sheet, fileName, createdAt, updatedAt };
}

export function listProfiles(db: Db, register?: ImportTarget | 'minutes'): ProfileSummary[] {
  return q.profileRows(db, register).map((r) => summary(toProfile(r)));
}

export function getProfile(db: Db, id: number): Profile {
  const row = q.profileRow(db, id);
  if (!row) throw textError('NOT_FOUND', 'profile.gone', { id }, `profile ${id} does not exist`, { field: 'profileId', id });
  return toProfile(row);
}

/** A profile of a table layout (import and export of a register); CONFLICT for a form. */
export function getTableProfile(db: Db, id: number): TableProfile {
  const p = getProfile(db, id);
  if (p.kind !== 'table') throw textError('CONFLICT', 'profile.notTable', { profile: p.name }, `profile ${p.name} is a form layout; a register needs a table layout`, { field: 'profileId', id });
  return p;
}

/** A profile of a form layout (a meeting into a 議事録 form); CONFLICT for a table. */
export function getFormProfile(db: Db, id: number): FormProfile {
  const p = getProfile(db, id);
  if (p.kind !== 'form') throw textError('CONFLICT', 'profile.notForm', { profile: p.name }, `profile ${p.name} is a table layout; minutes need a form layout`, { field: 'profileId', id });
  return p;
}

/** A card profile (one register row into a form); CONFLICT for any other. */
export function getCardProfile(db: Db, id: number): CardProfile {
  const p = getProfile(db, id);
  if (p.kind !== 'card') throw textError('CONFLICT', 'profile.notCard', { profile: p.name }, `profile ${p.name} is not a card layout (one row into a form)`, { field: 'profileId', id });
  return p;
}

/** The template workbook's bytes. */
export function profileTemplate(db: Db, id: number): Buffer {
  getProfile(db, id);
  const bytes = q.profileTemplateBytes(db, id);
  if (!bytes) throw textError('CONFLICT', 'profile.noTemplate', { id }, `profile ${id} has no template workbook`, { field: 'profileId', id });
  return bytes;
}

export interface ProfileInput {
  name: string;
  register: ImportTarget;
  headerSignature: string;
  template: Uint8Array;
  fileName: string;
  layout: ProfileLayout;
  records?: RecordLinks;
}

export function saveProfile(db: Db, p: ProfileInput): number {
  const stored: Stored = { fileName: p.fileName, layout: p.layout, ...(p.records ? { records: p.records } : {}) };
  return q.insertProfile(db, { name: p.name, register: p.register, headerSignature: p.headerSignature, template: p.template, mapping: JSON.stringify(stored) });
}

/** A new template and layout for a profile (the client sent an updated workbook). */
export function replaceProfileLayout(db: Db, id: number, p: Omit<ProfileInput, 'name'>): void {
  const current = getTableProfile(db, id);
  if (current.register !== p.register)
    throw textError('CONFLICT', 'export.otherRegister', { profile: current.name }, `profile ${current.name} is for the ${current.register} register, not ${p.register}`, { field: 'updateProfileId', id });
  const stored: Stored = { fileName: p.fileName, layout: p.layout, ...(p.records ? { records: p.records } : {}) };
  q.updateProfileLayout(db, id, { headerSignature: p.headerSignature, template: p.template, mapping: JSON.stringify(stored) });
}

/** The template's records linked to stored rows of a project (null: imported into another project, or before links were kept). */
export function profileRecords(db: Db, id: number, projectId: number): { rows: Map<number, number>; groups: number[]; rolled: Map<number, Record<string, unknown>> | null } | null {
  const mapping = q.profileMapping(db, id);
  const stored = mapping !== undefined ? (JSON.parse(mapping) as Stored) : undefined;
  const links = stored?.layout ? stored.records : undefined;
  return links && links.projectId === projectId ? { rows: new Map(links.rows), groups: links.groups ?? [], rolled: links.rolled ? new Map(links.rolled) : null } : null;
}

export function getProfileSummary(db: Db, id: number): ProfileSummary {
  return summary(getProfile(db, id));
}

export function renameProfile(db: Db, id: number, name: string): ProfileSummary {
  getProfile(db, id);
  q.renameProfileRow(db, id, name);
  return summary(getProfile(db, id));
}

export function deleteProfile(db: Db, id: number): { deleted: number } {
  getProfile(db, id);
  return { deleted: q.deleteProfileRow(db, id) };
}

/**
 * The profile of this register whose header the workbook has, at the same rows of the same sheet
 * (newest first when several fit).
 */
export function findProfile(db: Db, register: ImportTarget, model: WorkbookModel): TableProfile | null {
  for (const row of q.profileRowsNewestFirst(db, register)) {
    const p = toProfile(row);
    if (p.kind !== 'table') continue;
    const { sheet, headerTop, headerBottom } = p.layout;
    if (headerSignature(model, sheet, headerTop - 1, headerBottom - 1) === p.headerSignature) return p;
  }
  return null;
}

/** A form profile: the template workbook and the cells and blocks the user picked in it. */
export function saveFormProfile(db: Db, p: { name: string; template: Uint8Array; fileName: string; form: FormLayout }): number {
  const stored: Stored = { fileName: p.fileName, form: p.form };
  return q.insertProfile(db, { name: p.name, register: 'minutes', headerSignature: '', template: p.template, mapping: JSON.stringify(stored) });
}

export function updateFormLayout(db: Db, id: number, form: FormLayout): FormProfile {
  const current = getFormProfile(db, id);
  const stored: Stored = { fileName: current.fileName, form };
  q.updateProfileMapping(db, id, JSON.stringify(stored));
  return getFormProfile(db, id);
}

/** A weekly report form profile: the client's report workbook and the cells, blocks and pictures picked in it. */
export function saveReportProfile(db: Db, p: { name: string; template: Uint8Array; fileName: string; report: ReportFormLayout }): number {
  const stored: Stored = { fileName: p.fileName, report: p.report };
  return q.insertProfile(db, { name: p.name, register: 'report', headerSignature: '', template: p.template, mapping: JSON.stringify(stored) });
}

export function updateReportLayout(db: Db, id: number, report: ReportFormLayout): ReportProfile {
  const current = getReportProfile(db, id);
  q.updateProfileMapping(db, id, JSON.stringify({ fileName: current.fileName, report } satisfies Stored));
  return getReportProfile(db, id);
}

export function getReportProfile(db: Db, id: number): ReportProfile {
  const p = getProfile(db, id);
  if (p.kind !== 'report') throw textError('CONFLICT', 'profile.notReport', { profile: p.name }, `profile ${p.name} is not a weekly report form`, { field: 'profileId', id });
  return p;
}

/** A card profile: the template workbook and the cells picked in it for one register row. */
export function saveCardProfile(db: Db, p: { name: string; template: Uint8Array; fileName: string; card: CardLayout }): number {
  const stored: Stored = { fileName: p.fileName, card: p.card };
  return q.insertProfile(db, { name: p.name, register: p.card.register, headerSignature: '', template: p.template, mapping: JSON.stringify(stored) });
}

export function updateCardLayout(db: Db, id: number, card: CardLayout): CardProfile {
  const current = getCardProfile(db, id);
  if (card.register !== current.register)
    throw textError('CONFLICT', 'export.otherRegister', { profile: current.name }, `profile ${current.name} is a card of the ${current.register} register`, { field: 'card.register', id });
  const stored: Stored = { fileName: current.fileName, card };
  q.updateProfileMapping(db, id, JSON.stringify(stored));
  return getCardProfile(db, id);
}

/**
 * What stops reading or writing a profile's template (the client's own file: damaged, a sheet gone)
 * is a fact about that file, answered as CONFLICT naming it; any other error is returned as it is.
 * Use: `catch (err) { throw templateConflict(err); }`.
 */
export function templateConflict(err: unknown): unknown {
  return workbookRefusal(err, 'profile');
}
