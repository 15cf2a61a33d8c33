// A workbook imported into a new project with its layout saved as a client profile — the first step of
// every export-into-the-client's-workbook test.
import type { ImportTarget } from '../../electron/common/excel/fields.js';
import type { Call } from './workspace.js';

export async function importWithProfile(call: Call, bytes: Buffer, name: string, register: ImportTarget = 'wbs') {
  const { id: projectId } = await call('project.create', { name });
  const preview = await call('excel.previewImport', { projectId, register, fileName: `${name}.xlsx`, dataBase64: bytes.toString('base64') });
  const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: name } });
  return { projectId, profileId: profileId!, preview };
}
