// Generated register tables with section rows inside them: a row with only its first cell filled (■ 技術
// リスク, Phase 2 – Build, ◆ 結合テスト), bold and filled or plain, over the records of its section. Issue 11,
// unseen sets 12–14: such rows were left out as template rows or separators and what they said was lost.
import ExcelJS from 'exceljs';
import type { ImportTarget } from '../../electron/common/excel/fields.js';

export interface SectionCase {
  target: ImportTarget;
  header: string[];
  /** Section names as written, each over its records (cells after the first column). */
  sections: [string, unknown[][]][];
}

export interface SectionShape {
  /** Bold, filled section rows (else plain text). */
  drawn: boolean;
  /** A title row and a blank row over the header. */
  title: boolean;
  /** The section rows' heading mark: '■ ', '◆', '' (none: the words alone), or a bracket. */
  mark: '■ ' | '◆' | '' | '【】';
}

const day = (k: number) => new Date(Date.UTC(2025, 3, 1 + 3 * k));

/** The register cases: the records of each section (their first column is a running number). */
export const SECTION_CASES: Record<string, SectionCase> = {
  'risk ja': {
    target: 'risk',
    header: ['No', 'リスク内容', '発生確率', '影響度', '担当', '状況'],
    sections: [
      ['技術リスク', [['新技術の習熟不足', '高', '中', '山田', '対応中'], ['性能要件未達', '中', '高', '佐藤', '未着手']]],
      ['体制リスク', [['要員の離脱', '低', '高', '鈴木', '未着手'], ['外注先の遅延', '中', '中', '山田', '対応中'], ['キーマンの兼務', '中', '中', '佐藤', '未着手']]],
    ],
  },
  'risk en': {
    target: 'risk',
    header: ['Ref', 'Risk description', 'Probability', 'Impact', 'Owner', 'Status'],
    sections: [
      ['Technical risk', [['Unproven framework', 'High', 'Medium', 'Ann', 'Open'], ['Performance target missed', 'Medium', 'High', 'Bob', 'Open']]],
      ['Schedule risk', [['Vendor delivers late', 'Medium', 'High', 'Cy', 'Open'], ['Approvals slip', 'Low', 'Medium', 'Ann', 'Open']]],
    ],
  },
  'defect ja': {
    target: 'defect',
    header: ['No', '不具合内容', '重要度', '担当', '状況'],
    sections: [
      ['結合テスト', [['ログインできない', '高', '山田', '対応中'], ['帳票の罫線ずれ', '低', '佐藤', '完了']]],
      ['総合テスト', [['夜間バッチの性能劣化', '中', '鈴木', '対応中'], ['CSVの文字化け', '低', '山田', '完了']]],
    ],
  },
  'checklist en': {
    target: 'checklist',
    header: ['No', 'Check item', 'Result', 'Checked by'],
    sections: [
      ['Security', [['Passwords are hashed', 'OK', 'Ann'], ['Sessions expire', 'NG', 'Bob']]],
      ['Usability', [['Labels are translated', 'OK', 'Ann'], ['Errors name the field', 'OK', 'Cy'], ['Tab order follows the form', 'OK', 'Bob']]],
    ],
  },
  'issue en (no category field)': {
    target: 'issue',
    header: ['No', 'Issue', 'Owner', 'Due', 'Status'],
    sections: [
      ['Phase 1 – Design', [['Spec unclear', 'Ann', day(1), 'Open'], ['Missing test data', 'Bob', day(2), 'Open']]],
      ['Phase 2 – Build', [['Build breaks nightly', 'Ann', day(3), 'Closed'], ['Slow unit tests', 'Bob', day(4), 'Open']]],
    ],
  },
  'wbs ja (name column first)': {
    target: 'wbs',
    header: ['タスク名', '担当', '開始', '終了'],
    sections: [
      ['設計フェーズ', [['基本設計', '山田', day(1), day(2)], ['詳細設計', '佐藤', day(3), day(4)]]],
      ['開発フェーズ', [['実装', '山田', day(5), day(6)], ['単体テスト', '佐藤', day(7), day(8)], ['結合テスト', '鈴木', day(9), day(10)]]],
    ],
  },
  'wbs en (name column first)': {
    target: 'wbs',
    header: ['Task', 'Owner', 'Start', 'Finish'],
    sections: [
      ['Design', [['Wireframes', 'Ann', day(1), day(2)], ['Specs', 'Bob', day(3), day(4)]]],
      ['Build', [['Coding', 'Ann', day(5), day(6)], ['Unit tests', 'Bob', day(7), day(8)]]],
    ],
  },
};

export const marked = (name: string, mark: SectionShape['mark']) => (mark === '【】' ? `【${name}】` : `${mark}${name}`);

/** The case as a workbook; a WBS's records have no running number (its name column is first). */
export async function sectionWorkbook(c: SectionCase, shape: SectionShape): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('List');
  if (shape.title) {
    ws.addRow([c.target === 'wbs' ? 'Plan' : 'Register']);
    ws.addRow([]);
  }
  ws.addRow(c.header);
  let n = 0;
  for (const [name, records] of c.sections) {
    const row = ws.addRow([marked(name, shape.mark)]);
    if (shape.drawn)
      for (let k = 1; k <= c.header.length; k++) {
        row.getCell(k).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
        row.getCell(k).font = { bold: true };
      }
    for (const cells of records) {
      const added = ws.addRow(c.target === 'wbs' ? cells : [++n, ...cells]);
      added.eachCell((cell) => cell.value instanceof Date && (cell.numFmt = 'yyyy/m/d'));
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
