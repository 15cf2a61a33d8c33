// A date column named as the date of another column (Disposition | Disposition Date, 審議結果 | 審議結果日) is
// the register's date of the field that column was read as — here the decision's, the decided-on date —
// whatever word the client uses for the decision (blind set 16, I1: BHS's Disposition Date was offered as the
// decided-on date beside a Disposition read as the decision, and nothing asked). Generated variants: header
// words no register knows for the decision, read as the decision by a loose word or by its list's words;
// English "<word> Date" / "Date of <word>" and Japanese "<word>日".
import { describe, expect, it } from 'vitest';
import { detectLayout } from '../../electron/core/excel/import/detect.js';
import { readTable } from '../../electron/core/excel/import/read-table.js';
import { model, sheet, type ModelCell } from '../fixtures/excel/model.js';

const TODAY = '2025-06-15';
const d = (m: number, day: number) => new Date(Date.UTC(2025, m, day));

const HEADS = {
  en: { words: ['Disposition', 'Ruling', 'Verdict', 'Board Outcome'], dated: [(w: string) => `${w} Date`, (w: string) => `Date of ${w}`], values: ['Approved', 'Rejected', 'Deferred'] },
  ja: { words: ['審議結果', '裁定', '審査結論', '扱い'], dated: [(w: string) => `${w}日`], values: ['承認', '却下', '保留'] },
};

const cases = (['en', 'ja'] as const).flatMap((lang) => HEADS[lang].words.flatMap((w) => HEADS[lang].dated.map((f) => [lang, w, f(w)] as const)));

describe('the date of a column read as the decision', () => {
  it.each(cases)('%s %j | %j: the decision and the decided-on date', (lang, word, dated) => {
    const head = lang === 'en' ? ['CR #', 'Title', 'Requested On', word, dated, 'Implementation'] : ['変更番号', '件名', '依頼日', word, dated, '実施状況'];
    const rows: ModelCell[][] = [
      head,
      ...Array.from({ length: 6 }, (_, i): ModelCell[] => [`CR-${i + 1}`, lang === 'en' ? `Change the sorter ${i + 1}` : `仕分け装置${i + 1}の変更`, d(3, 1 + i), HEADS[lang].values[i % 3]!, d(4, 2 + i), lang === 'en' ? ['Open', 'Complete'][i % 2]! : ['未着手', '完了'][i % 2]!]),
    ];
    const m = model(sheet('Sheet1', rows));
    const layout = detectLayout(m, 'change', { reference: TODAY });
    if (!layout.ok) throw new Error(layout.reason);
    const t = readTable(m, layout.layout, { today: TODAY });
    const field = (label: string) => t.columns.find((c) => c.label === label)?.field ?? null;
    expect(field(word)).toBe('decision');
    expect(field(dated)).toBe('decidedOn');
    expect(t.records[0]!.values.decidedOn).toBe('2025-05-02');
  });
});
