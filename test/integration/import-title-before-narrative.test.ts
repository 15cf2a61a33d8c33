// Which column names the records where no header word names the title (issue 11, blind set 17 I2): the
// short text of each record's own left of the long narrative (a theme before its story, a headline before
// its background) — not the narrative, whose header names the register's long text (事象・経緯, Situation,
// Description) and which was taken as the title at 0.65 without a question. A key found so is a guess:
// asked; so is a key taken from the long text's column, always (key confidence under 0.7). Generated
// variants (seeded): registers, invented title words, narrative words, record counts, columns beside.
import { describe, expect, it } from 'vitest';
import { workbook, type CellSpec, type SheetSpec } from '../fixtures/excel/xlsx.js';
import { fileWorkspace } from '../helpers/file-workspace.js';
import type { ImportPreview } from '../../electron/common/excel/preview.js';
import { prng } from '../fixtures/excel/hostile.js';

const { call } = fileWorkspace();

async function preview(register: string, sheet: SheetSpec): Promise<ImportPreview> {
  const { id: projectId } = await call('project.create', { name: 'P' });
  const dataBase64 = (await workbook([sheet])).toString('base64');
  return await call('excel.previewImport', { projectId, register: register as 'risk', fileName: 'book.xlsx', dataBase64 });
}

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

// Words no register reads as its title (invented for these tests), Japanese and English.
const TITLE_WORDS = { ja: ['題目', '見出し語', '主題名', '標目'], en: ['Headline', 'Gist', 'Caption', 'Tagline'] };
// (register, the long text's field, words its header may be in, by language)
const NARRATIVES = [
  { register: 'lesson', field: 'situation', ja: ['事象', '経緯', '事象・経緯'], en: ['Situation', 'What happened'] },
  { register: 'issue', field: 'detail', ja: ['詳細', '課題詳細'], en: ['Details', 'Detail'] },
  { register: 'risk', field: 'description', ja: ['説明', 'リスク内容'], en: ['Description', 'Risk description'] },
  { register: 'change', field: 'description', ja: ['変更内容', '内容'], en: ['Description', 'Change description'] },
] as const;

const JA_SHORT = ['足場の段取り', '配管の洗浄', '計器の校正', '仮設電源', '搬入経路', '夜間作業', '試運転手順', '部品の手配', '図面の改訂', '工程の調整', '安全掲示', '資材置場'];
const EN_SHORT = ['Scaffold sequence', 'Pipe flushing', 'Gauge calibration', 'Temporary power', 'Delivery route', 'Night shift', 'Start-up steps', 'Spare parts', 'Drawing revision', 'Crane booking', 'Permit backlog', 'Laydown area'];
const JA_LONG = ['足場の解体が予定より遅れ、後続の配管作業が二日待たされた', '洗浄水の排出先が決まっておらず、作業の途中で一時中断した', '校正済みの計器が現場に届かず、別の計器を借りて対応した', '仮設電源の容量が足りず、夜間の照明を減らすことになった'];
const EN_LONG = ['The scaffold came down later than planned and the piping crew waited two days', 'Nobody had agreed where the flushing water would go, so the work stopped halfway', 'Calibrated gauges never reached the site and spares were borrowed from the next unit', 'The temporary supply was too small and the night lighting had to be cut back'];

describe('the short text of each record before the narrative is the title (I2)', () => {
  for (let seed = 1; seed <= 12; seed++) {
    const rnd = prng(seed * 4099);
    const lang = seed % 2 === 0 ? 'en' : 'ja';
    const n = NARRATIVES[seed % NARRATIVES.length]!;
    const titleWord = pick(rnd, TITLE_WORDS[lang]);
    const narrative = pick(rnd, n[lang]);
    const count = 5 + Math.floor(rnd() * 5);
    // A column between them some seeds (a category of a handful of words), and the date after.
    const between = rnd() < 0.4;
    const head = ['No.', titleWord, ...(between ? [lang === 'ja' ? '分類' : 'Category'] : []), narrative, lang === 'ja' ? '起票日' : 'Raised', lang === 'ja' ? '担当者' : 'Owner', lang === 'ja' ? '状態' : 'Status'];
    const rows: CellSpec[][] = [[lang === 'ja' ? '一覧' : 'Register'], [], head];
    const short = lang === 'ja' ? JA_SHORT : EN_SHORT;
    const long = lang === 'ja' ? JA_LONG : EN_LONG;
    for (let i = 0; i < count; i++) rows.push([i + 1, short[(seed + i) % short.length]!, ...(between ? [pick(rnd, lang === 'ja' ? ['技術', '工程'] : ['Technical', 'Schedule'])] : []), `${long[i % long.length]!} (${i + 1})`, new Date(Date.UTC(2027, 4, 2 + i)), pick(rnd, lang === 'ja' ? ['佐藤 一郎', '鈴木 花子'] : ['J. Braun', 'S. Vogel']), lang === 'ja' ? '対応中' : 'Open']);
    const narrativeCol = between ? 'D' : 'C';
    it(`seed ${seed}: ${n.register} ${titleWord} | ${between ? '… | ' : ''}${narrative}, ${count} records: ${titleWord} is the title, ${narrative} the ${n.field}, asked`, async () => {
      const p = await preview(n.register, { name: 'Sheet1', rows });
      const field = (c: string) => p.columns.find((m) => m.column === c)?.field ?? null;
      expect([field('B'), field(narrativeCol)], JSON.stringify(p.columns.map((m) => [m.column, m.label, m.field, m.confidence]))).toEqual(['title', n.field]);
      expect(p.detection?.why).toContainEqual(expect.objectContaining({ code: 'keyGuessed', column: 'B' }));
      expect(p.rows.filter((r) => !r.skipped).map((r) => r.values?.title)).toEqual(rows.slice(3).map((r) => r[1]));
    });
  }
});

describe('a short register (three or four records) has its title too', () => {
  it.each([
    [3, 'ja', '題目', '課題詳細'],
    [4, 'en', 'Gist', 'Details'],
  ] as const)('%i records, %s: %s before %s is the title, asked', async (count, lang, titleWord, narrative) => {
    const short = lang === 'ja' ? JA_SHORT : EN_SHORT;
    const long = lang === 'ja' ? JA_LONG : EN_LONG;
    const rows: CellSpec[][] = [['Register'], [], ['No.', titleWord, narrative, lang === 'ja' ? '起票日' : 'Raised', lang === 'ja' ? '状態' : 'Status']];
    for (let i = 0; i < count; i++) rows.push([i + 1, short[i]!, `${long[i]!} (${i + 1})`, new Date(Date.UTC(2027, 4, 2 + i)), lang === 'ja' ? '対応中' : 'Open']);
    const p = await preview('issue', { name: 'Sheet1', rows });
    const field = (c: string) => p.columns.find((m) => m.column === c)?.field ?? null;
    expect([field('B'), field('C')]).toEqual(['title', 'detail']);
    expect(p.detection?.why).toContainEqual(expect.objectContaining({ code: 'keyGuessed', column: 'B' }));
  });
});

describe('what is no title before the narrative', () => {
  const base = (second: string, values: (i: number) => CellSpec): CellSpec[][] => [
    ['Register'],
    [],
    ['No.', second, 'Situation', 'Raised', 'Owner', 'Status'],
    ...Array.from({ length: 5 }, (_, i) => [i + 1, values(i), `${EN_LONG[i % EN_LONG.length]!} (${i + 1})`, new Date(Date.UTC(2027, 4, 2 + i)), 'PMO', 'Open'] as CellSpec[]),
  ];
  // (Asked only where a column kept as the client's own holds texts the records may be named by — the
  // people's names here; codes and a category are none, so the narrative, the only name, is not asked about.)
  it.each([
    ['codes', 'Tagline', (i: number) => `LX-${27}-${String(i + 1).padStart(2, '0')}`, false],
    ['people', 'Gist', (i: number) => ['J. Braun', 'S. Vogel', 'A. Klein', 'M. Roth', 'K. Wolf'][i]!, true],
    ['a handful of words repeated', 'Caption', (i: number) => ['Civil', 'Piping'][i % 2]!, false],
  ])('%s: the narrative stays the title', async (_what, word, values, asked) => {
    const p = await preview('lesson', { name: 'Sheet1', rows: base(word as string, values as (i: number) => CellSpec) });
    const field = (c: string) => p.columns.find((m) => m.column === c)?.field ?? null;
    expect(field('B')).not.toBe('title');
    expect(field('C')).toBe('title');
    expect(p.detection?.why.some((w) => w.code === 'keyGuessed' && w.column === 'C')).toBe(asked);
  });

  it('the narrative with no other text beside it is the title, not asked about', async () => {
    const rows: CellSpec[][] = [['Register'], [], ['No.', 'Situation', 'Raised', 'Owner', 'Status'], ...Array.from({ length: 5 }, (_, i) => [i + 1, `${EN_LONG[i % EN_LONG.length]!} (${i + 1})`, new Date(Date.UTC(2027, 4, 2 + i)), 'PMO', 'Open'] as CellSpec[])];
    const p = await preview('lesson', { name: 'Sheet1', rows });
    expect(p.columns.find((m) => m.column === 'B')?.field).toBe('title');
    expect(p.detection?.why.some((w) => w.code === 'keyGuessed')).toBe(false);
  });
});
