// One register row written into the client's own card form (a 不具合管理票, a レビュー指摘票, a risk
// card) through the lossless template writer: the picked cells, nothing else.
import type { ExportedWorkbook } from '../../../common/api/excel.js';
import { ApiError, textError } from '../../../common/errors.js';
import { fieldSpec } from '../../../common/excel/fields.js';
import type { CardRegister } from '../../../common/excel/form.js';
import { vocabLabel, type VocabListName } from '../../../common/registers.js';
import type { SqlDb as Db } from '../../db/sql.js';
import { dateSerial, type CellOut, type CellWrite } from '../../excel/template/index.js';
import { fillTemplateInWorker } from '../../excel/capped-worker.js';
import { REGISTER_SERVICES } from '../registers/index.js';
import { getCardProfile, profileTemplate, templateConflict } from '../import/profiles.js';
import { readFormTemplate } from '../meetings/form-export.js';
import { getProjectRow } from '../projects.js';
import { loadVocabularies } from '../registers/vocabularies.js';

/** `<template name>_<ID>.xlsx`: 不具合管理票_I-003.xlsx */
function cardFileName(template: string, ref: string): string {
  const base = template.replace(/\.(xlsx|xlsm)$/i, '');
  const safe = ref.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
  return `${base}${safe ? `_${safe}` : ''}.xlsx`;
}

export async function exportCard(
  db: Db,
  input: { projectId: number; register: CardRegister; profileId: number; recordId: number; language: 'ja' | 'en'; today: string },
): Promise<ExportedWorkbook> {
  const project = getProjectRow(db, input.projectId);
  const profile = getCardProfile(db, input.profileId);
  if (profile.register !== input.register)
    throw textError('VALIDATION', 'export.otherRegister', { profile: profile.name }, `excel.export: profileId: profile ${profile.name} is a card of the ${profile.register} register`, [
      { field: 'profileId', message: `is a card of the ${profile.register} register` },
    ]);
  const row = REGISTER_SERVICES[input.register].one(db, input.projectId, input.recordId, { today: input.today }) as unknown as Record<string, unknown> | undefined;
  if (!row) throw textError('NOT_FOUND', 'rowGone', { id: input.recordId }, `${input.register} ${input.recordId} does not exist in this project`, { field: 'recordId', id: input.recordId });
  const vocab = loadVocabularies(db, input.projectId);
  const template = profileTemplate(db, profile.id);
  try {
    const form = { sheet: profile.card.sheet };
    const tpl = await readFormTemplate(template, form, profile.card.cells.map((c) => c.ref), profile.fileName);
    const { date1904 } = tpl;
    const value = (field: string): CellOut => {
      const v = field === 'projectName' ? project.name : row[field];
      if (v === null || v === undefined || v === '') return { value: null };
      const spec = fieldSpec(input.register, field);
      if (spec?.kind === 'date') return { value: { t: 'd', v: dateSerial(String(v), date1904) } };
      if (spec?.kind === 'rating' && typeof v === 'number') return { value: { t: 'n', v } };
      if (spec?.kind === 'vocab') return { value: { t: 's', v: vocabLabel(vocab[spec.list as VocabListName].items, String(v), input.language) } };
      return { value: { t: 's', v: String(v) } };
    };
    const cells: CellWrite[] = profile.card.cells.map((c) => ({ ...tpl.target(c.ref), value: value(c.field) }));
    const bytes = await fillTemplateInWorker(template, [], { fileName: profile.fileName, cells, dateFormat: 'yyyy/mm/dd' });
    return { fileName: cardFileName(profile.fileName, String(row.ref ?? '')), dataBase64: Buffer.from(bytes).toString('base64') };
  } catch (err) {
    throw templateConflict(err);
  }
}
