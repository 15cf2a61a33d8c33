// What the form editor decides when it opens a saved profile and when it saves, without React: the
// layout a profile holds, whether what was picked can be saved, which write saves it (a 議事録 form, a
// card or a report form; new or edited; renamed), and which picked cell a refusal of the core names.
// The editor (FormEditor.tsx) only sends what these answer.
import type { Input } from '../../../../electron/common/api.js';
import type { CardRegister, FormLayout } from '../../../../electron/common/excel/form.js';
import type { Profile } from '../../../../electron/common/excel/preview.js';
import type { ReportFormLayout } from '../../../../electron/common/excel/report-form.js';
import { layoutProblem, normalized, type PickLayout } from './formModel.js';

/** What a saved form, card or report profile opens as in the editor; null for a table profile. */
export interface OpenedProfile {
  card: CardRegister | null;
  report: boolean;
  layout: PickLayout;
}

export function openedProfile(p: Profile): OpenedProfile | null {
  if (p.kind === 'table') return null;
  if (p.kind === 'form') return { card: null, report: false, layout: p.form };
  if (p.kind === 'report') return { card: null, report: true, layout: p.report };
  return { card: p.register, report: false, layout: { sheet: p.card.sheet, cells: p.card.cells, blocks: [] } };
}

/** Why what was picked cannot be saved yet: no name, nothing mapped, a table without a column. */
export type SaveProblem = { kind: 'noName' } | { kind: 'empty' } | { kind: 'noColumns'; list: string };

export function saveProblem(name: string, layout: PickLayout): SaveProblem | null {
  if (name.trim() === '') return { kind: 'noName' };
  return layoutProblem(layout);
}

/** The profile's name as the API takes it (trimmed, at most 200 characters). */
export function profileName(name: string): string {
  return name.trim().slice(0, 200);
}

type SaveMethod =
  | 'profile.createForm'
  | 'profile.updateForm'
  | 'profile.createCard'
  | 'profile.updateCard'
  | 'profile.createReport'
  | 'profile.updateReport';

/** One write of the save: its method with that method's input. */
export type SaveWrite = { [M in SaveMethod]: { method: M; args: Input<M> } }[SaveMethod];

export interface SavePlan {
  write: SaveWrite;
  /** An edited profile given another name: renamed after the layout is written. */
  rename?: { id: number; name: string };
}

export interface SaveInput {
  /** The card's register; null for a 議事録 form or a report form. */
  card: CardRegister | null;
  report: boolean;
  layout: PickLayout;
  name: string;
  /** The workbook of a new profile (an edited one keeps its template). */
  source: { fileName: string; base64: string | null };
  editing: { id: number; name: string } | null;
}

/** The writes that save what was picked; check saveProblem first. */
export function savePlan({ card, report, layout, name, source, editing }: SaveInput): SavePlan {
  const picked = normalized(layout);
  const n = profileName(name);
  const file = { name: n, fileName: source.fileName, dataBase64: source.base64 ?? '' };
  let write: SaveWrite;
  if (card) {
    const c = { register: card, sheet: picked.sheet, cells: picked.cells };
    write = editing ? { method: 'profile.updateCard', args: { id: editing.id, card: c } } : { method: 'profile.createCard', args: { ...file, card: c } };
  } else if (report) {
    // A report form's cells, tables and charts are picked from its own lists only.
    const r = { sheet: picked.sheet, cells: picked.cells, blocks: picked.blocks, images: picked.images ?? [] } as ReportFormLayout;
    write = editing ? { method: 'profile.updateReport', args: { id: editing.id, report: r } } : { method: 'profile.createReport', args: { ...file, report: r } };
  } else {
    // A form's cells are picked from its own fields only.
    const f = picked as FormLayout;
    write = editing ? { method: 'profile.updateForm', args: { id: editing.id, form: f } } : { method: 'profile.createForm', args: { ...file, form: f } };
  }
  return editing && n !== editing.name ? { write, rename: { id: editing.id, name: n } } : { write };
}

/** A refusal's first detail as the core sends it ({field: 'form.cells.3.ref', message}). */
export interface RefusalDetail {
  field?: string;
  message?: string;
}

/** The picked cell a refusal names (`form.cells.3.ref`, `card.cells.0.field`…), with the core's message. */
export function refusedCell(detail: RefusalDetail | undefined, layout: PickLayout): { field: string; ref: string; message: string } | null {
  const m = detail?.field && /^(?:form|card|report)\.cells\.(\d+)\.(?:ref|field)$/.exec(detail.field);
  if (!m || !detail?.message) return null;
  const c = layout.cells[Number(m[1])];
  return c ? { field: c.field, ref: c.ref, message: detail.message } : null;
}
