// 様式を登録: a client's blank template becomes a table profile without importing anything. The sheet,
// header rows and columns are found as an import finds them (or as the user points at them), and the
// workbook is kept as the template exports are written into. A dry run answers what would be saved.
import { workbookRefusal } from '../../excel/error-text.js';
import { defaultVocabularies, headerSignature } from '../../excel/import/detect.js';
import { TARGET_FIELDS, type ImportTarget } from '../../../common/excel/fields.js';
import type { TemplateRegistration } from '../../../common/api/excel.js';
import type { MappingInput, ProfileLayout } from '../../../common/excel/preview.js';
import { readTable } from '../../excel/import/read-table.js';
import { textError } from '../../../common/errors.js';
import type { SqlDb as Db } from '../../db/sql.js';
import { readWorkbook } from '../../excel/capped-worker.js';
import { chooseLayout, emptyFile } from './preview.js';
import { getProfileSummary, saveProfile } from './profiles.js';


const invalid = (field: string, message: string, key: string, params: Record<string, string | number> = {}) =>
  textError('VALIDATION', key, params, `${field}: ${message}`, [{ field, message }]);

export async function registerTemplate(
  db: Db,
  input: { register: ImportTarget; fileName: string; dataBase64: string; name?: string; mapping?: MappingInput; dryRun?: boolean },
  today: string,
): Promise<TemplateRegistration> {
  const bytes = Buffer.from(input.dataBase64, 'base64');
  if (bytes.length === 0) throw emptyFile(input.fileName);
  let model;
  try {
    model = await readWorkbook(bytes, input.fileName);
  } catch (err) {
    throw workbookRefusal(err, { field: 'dataBase64' });
  }
  const vocab = defaultVocabularies();
  const { layout, problems } = chooseLayout(model, input.register, null, input.mapping ?? {}, { vocab, today });
  // The template's rows (usually none) are read only for its numbers' scales and words, never stored.
  const table = readTable(model, layout, { vocab, today });
  const saved: ProfileLayout = {
    sheet: layout.sheet,
    headerTop: layout.headerTop + 1,
    headerBottom: layout.headerBottom + 1,
    columns: table.columns,
    ...(table.hierarchy ? { hierarchy: table.hierarchy } : {}),
    ...(table.progressScale ? { progressScale: table.progressScale } : {}),
    ...(Object.keys(table.valueMaps).length ? { valueMaps: table.valueMaps } : {}),
    ...(table.positionalRefs ? { positionalRefs: true as const } : {}),
    ...(table.below ? { below: table.below } : {}),
  };
  const out = { layout: saved, sheets: model.sheets.map((s) => s.name), fields: Object.keys(TARGET_FIELDS[input.register]), problems: [...problems] };
  if (input.dryRun) return { ...out, profile: null };
  if (problems.length > 0) throw invalid('mapping.headerTop', `${input.fileName}: ${problems[0]!.reason}; point at the header row`, 'import.noHeader', { file: input.fileName });
  if (!input.name) throw invalid('name', 'is required to save the profile', 'profile.nameRequired');
  const signature = headerSignature(model, layout.sheet, layout.headerTop, layout.headerBottom) ?? '';
  const id = saveProfile(db, { name: input.name, register: input.register, headerSignature: signature, template: bytes, fileName: input.fileName, layout: saved });
  return { ...out, profile: getProfileSummary(db, id) };
}
