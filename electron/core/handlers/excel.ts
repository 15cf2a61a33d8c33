import { sheetPrefix } from '../../common/excel/model.js';
import { workbookRefusal } from '../excel/error-text.js';
import type { HandlerMap } from '../../common/api.js';
import type { excelApi } from '../../common/api/excel.js';
import { localToday } from '../../common/dates.js';
import { ApiError, type ErrorText } from '../../common/errors.js';
import type { SqlDb as Db } from '../db/sql.js';
import type { HostContext } from '../handlers.js';
import { ImportPreviews } from '../services/import/preview.js';
import { registerTemplate } from '../services/import/register-template.js';
import {
  deleteProfile,
  getCardProfile,
  getFormProfile,
  getProfile,
  getReportProfile,
  getProfileSummary,
  listProfiles,
  profileTemplate,
  renameProfile,
  saveCardProfile,
  saveFormProfile,
  saveReportProfile,
  templateConflict,
  updateCardLayout,
  updateFormLayout,
  updateReportLayout,
} from '../services/import/profiles.js';
import { exportMinutesForm, readFormTemplate, type FormTemplate } from '../services/meetings/form-export.js';
import { importMinutesForm } from '../services/meetings/form-import.js';
import { sheetPreview } from '../services/export/sheet-preview.js';
import { inspectTemplateInWorker, readWorkbook } from '../excel/capped-worker.js';
import type { CardLayout, FormLayout } from '../../common/excel/form.js';
import { exportCard } from '../services/export/card-export.js';
import { exportMinutes } from '../services/meetings/export.js';
import { exportDefaultLayout } from '../services/export/default-layout.js';
import { exportToProfile } from '../services/export/profile-export.js';
import { documentLanguage } from '../services/settings.js';

const invalid = (method: string, field: string, message: string, text: ErrorText) => new ApiError('VALIDATION', `${method}: ${field}: ${message}`, [{ field, message }], text);

/**
 * A form layout that names a sheet or a defined name the workbook lacks is refused when it is saved.
 * The workbook is looked at in the reader's capped worker: one that does not read, or is too big or
 * slow to look at, is VALIDATION naming the file.
 */
async function checkForm(template: Uint8Array, fileName: string, form: { sheet: string; cells: readonly { ref: string }[] }): Promise<void> {
  let info: FormTemplate;
  try {
    info = await readFormTemplate(template, form, form.cells.map((c) => c.ref), fileName);
  } catch (err) {
    throw workbookRefusal(err, { method: 'profile', field: 'dataBase64' });
  }
  const sheet = info.sheets.find((s) => s.name === form.sheet);
  if (!sheet || sheet.kind !== 'worksheet')
    throw invalid('profile', 'form.sheet', `${fileName} has no worksheet named ${form.sheet}`, {
      key: sheet ? 'excel.template.NOT_A_WORKSHEET' : 'excel.template.NO_SHEET',
      params: { file: fileName, at: sheetPrefix(form.sheet), context: 'at' },
    });
  for (const [i, c] of form.cells.entries()) {
    try {
      info.target(c.ref);
    } catch (err) {
      throw invalid('profile', `form.cells.${i}.ref`, (err as Error).message, (err instanceof ApiError && err.text) || { key: 'form.notOneCell', params: { file: fileName, ref: c.ref } });
    }
  }
}

export function excelHandlers(db: Db, ctx: HostContext): HandlerMap<keyof typeof excelApi> {
  const today = () => ctx.today?.() ?? localToday();
  const previews = new ImportPreviews(db, ctx, today);
  return {
    'excel.export': ({ projectId, register, profileId, meetingId, recordId, language, format }) => {
      if (format === 'csv' && (register === 'minutes' || profileId !== undefined))
        throw invalid('excel.export', 'format', 'CSV is written for a register in PMO Desk\'s own layout only (not minutes, not a profile)', { key: 'export.csvRegisterOnly' });
      const lang = documentLanguage(db, ctx.osLocale, language);
      if (register === 'minutes') {
        if (profileId === undefined) return exportMinutes(db, ctx.osLocale, { projectId, meetingId, language }, { today: ctx.today?.() });
        if (meetingId === undefined) throw invalid('excel.export', 'meetingId', 'is required to export minutes', { key: 'meeting.required' });
        return exportMinutesForm(db, { projectId, meetingId, profileId, language: lang }, { today: ctx.today?.() });
      }
      if (profileId !== undefined && getProfile(db, profileId).kind === 'card') {
        if (register === 'wbs') throw invalid('excel.export', 'profileId', 'a card holds a row of the risk, issue or change register', { key: 'export.cardRegister' });
        if (recordId === undefined) throw invalid('excel.export', 'recordId', 'is required to export a row into a card', { key: 'export.recordRequired' });
        return exportCard(db, { projectId, register, profileId, recordId, language: lang, today: today() });
      }
      if (profileId !== undefined) return exportToProfile(db, { projectId, register, profileId, language: lang, today: today() });
      return exportDefaultLayout(db, { projectId, register, language: lang, today: today(), format });
    },
    'excel.previewImport': (input) => previews.preview(input),
    'excel.applyImport': ({ previewId, options }) => previews.apply(previewId, options ?? {}),
    'excel.discardPreview': ({ previewId }) => previews.discard(previewId),
    'excel.previewProblems': ({ previewId, offset, limit }) => previews.problems(previewId, offset, limit),
    'excel.suggestRegister': ({ previewId }) => previews.suggest(previewId),
    'profile.registerTable': (input) => registerTemplate(db, input, today()),
    'profile.list': ({ register }) => listProfiles(db, register),
    'profile.get': ({ id }) => getProfile(db, id),
    'profile.update': ({ id, name }) => renameProfile(db, id, name),
    'profile.delete': ({ id }) => deleteProfile(db, id),
    'profile.createForm': async ({ name, fileName, dataBase64, form }) => {
      const template = Buffer.from(dataBase64, 'base64');
      // The form must be a workbook we can write into: its sheet and every named cell are checked now,
      // not at the first export.
      await checkForm(template, fileName, form);
      return getProfileSummary(db, saveFormProfile(db, { name, template, fileName, form }));
    },
    'profile.updateForm': async ({ id, form }) => {
      await checkForm(profileTemplate(db, id), getFormProfile(db, id).fileName, form);
      return updateFormLayout(db, id, form);
    },
    'profile.createCard': async ({ name, fileName, dataBase64, card }) => {
      const template = Buffer.from(dataBase64, 'base64');
      await checkForm(template, fileName, card);
      return getProfileSummary(db, saveCardProfile(db, { name, template, fileName, card }));
    },
    'profile.updateCard': async ({ id, card }) => {
      await checkForm(profileTemplate(db, id), getCardProfile(db, id).fileName, card);
      return updateCardLayout(db, id, card);
    },
    'profile.createReport': async ({ name, fileName, dataBase64, report }) => {
      const template = Buffer.from(dataBase64, 'base64');
      await checkForm(template, fileName, report);
      return getProfileSummary(db, saveReportProfile(db, { name, template, fileName, report }));
    },
    'profile.updateReport': async ({ id, report }) => {
      await checkForm(profileTemplate(db, id), getReportProfile(db, id).fileName, report);
      return updateReportLayout(db, id, report);
    },
    'excel.sheetPreview': async ({ fileName, dataBase64, profileId }) => {
      const p = profileId === undefined ? null : getProfile(db, profileId);
      const bytes = p ? profileTemplate(db, p.id) : Buffer.from(dataBase64!, 'base64');
      const name = p ? p.fileName : fileName!;
      // A stored template that no longer reads is the profile's fault (CONFLICT); a chosen file's, VALIDATION.
      const refused = (err: unknown) => (p ? templateConflict(err) : workbookRefusal(err, { method: 'excel.sheetPreview', field: 'dataBase64' }));
      const model = await readWorkbook(bytes, name).catch((err: unknown) => {
        throw refused(err);
      });
      // A CSV has no names (and no zip to look in); a workbook's are read in the worker too.
      const names = model.format === 'csv' ? [] : (await inspectTemplateInWorker(bytes, { listNames: true }, { fileName: name }).catch((err: unknown) => {
        throw refused(err);
      })).definedNames;
      return sheetPreview(model, names);
    },
    'meeting.importForm': (input) => importMinutesForm(db, ctx, input, today()),
  };
}
