// A meeting in PMO Desk's own printable minutes layout (../../excel/minutes-layout.ts).
import { formatDate } from '../../../common/dates.js';
import { ApiError, textError } from '../../../common/errors.js';
import { vocabLabel } from '../../../common/registers.js';
import type { ExportedWorkbook } from '../../../common/api/excel.js';
import type { SqlDb as Db } from '../../db/sql.js';
import { meetingStore } from '../../entities.js';
import { minutesFileName, minutesWorkbook, type Language } from '../../excel/minutes-layout.js';
import { getProjectRow } from '../projects.js';
import { loadVocabularies } from '../registers/vocabularies.js';
import { documentLanguage } from '../settings.js';
import { getMeeting, type RunOptions } from './service.js';

export async function exportMinutes(
  db: Db,
  osLocale: string,
  input: { projectId: number; meetingId?: number; language?: Language },
  opts: RunOptions = {},
): Promise<ExportedWorkbook> {
  const project = getProjectRow(db, input.projectId);
  if (input.meetingId === undefined)
    throw textError('VALIDATION', 'meeting.required', {}, 'excel.export: meetingId: is required to export minutes', [{ field: 'meetingId', message: 'is required to export minutes' }]);
  const row = meetingStore.get(db, input.meetingId);
  if (!row || row.projectId !== input.projectId)
    throw textError('NOT_FOUND', 'meeting.gone', { id: input.meetingId }, `Meeting ${input.meetingId} does not exist in this project`, { field: 'meetingId', id: input.meetingId });

  const meeting = getMeeting(db, row.id, opts);
  const language = documentLanguage(db, osLocale, input.language);
  const vocab = loadVocabularies(db, input.projectId);
  const sources = new Map<number, string>();
  const wb = minutesWorkbook({
    language,
    projectName: project.name,
    meeting,
    kindLabel: vocabLabel(vocab['meeting.kind'].items, meeting.kind, language),
    statusLabel: (code) => vocabLabel(vocab['issue.status'].items, code, language),
    fromMeeting: (id) => {
      if (!sources.has(id)) {
        const m = meetingStore.get(db, id);
        sources.set(id, m ? [formatDate(m.heldOn), m.title].filter((s) => s !== '').join(' ') : '');
      }
      return sources.get(id)!;
    },
  });
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: minutesFileName(meeting, language), dataBase64: bytes.toString('base64') };
}
