// Excel export. The core answers workbook bytes (base64); saving them is the platform's file service.
// Today only the default printable minutes layout exists (register 'minutes', no profile); exports of
// the registers and to a client's format (profileId) come with the export work and are refused until
// then with VALIDATION naming the field.
import { z } from 'zod';
import { id } from './schemas.js';

export const EXPORT_REGISTERS = ['wbs', 'risk', 'issue', 'change', 'minutes'] as const;
export type ExportRegister = (typeof EXPORT_REGISTERS)[number];

export interface ExportedWorkbook {
  /** A suggested file name, safe on Windows: 議事録_20250401_定例会議.xlsx */
  fileName: string;
  dataBase64: string;
}

export const excelApi = {
  /**
   * register 'minutes' + meetingId: the meeting in PMO Desk's printable layout (A4 portrait). Its
   * language: `language`, else the workspace's UI language ('ui.language'), else the OS locale's
   * (Japanese for ja-*, English otherwise) — the same choice the UI makes.
   */
  'excel.export': {
    input: z.strictObject({
      projectId: id,
      register: z.enum(EXPORT_REGISTERS),
      profileId: id.optional(),
      meetingId: id.optional(),
      language: z.enum(['ja', 'en']).optional(),
    }),
    output: {} as ExportedWorkbook,
  },
} as const;
