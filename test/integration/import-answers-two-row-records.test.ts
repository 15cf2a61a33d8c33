// Answers to the import dialog on a register whose record spends two rows under a two-row header (a word
// over another in each column): each answer names its column and the record's row it stands on, and lands
// there (issue 11, "mapping edits always work"). Before, the preview kept the header's columns unsplit, and
// a refinement split them again from the header's words: an answer for 申出日 or for a second-row column was
// accepted and ignored, with no problem said (blind set 18, I7: issues-hospital-emr, (b′) equal to (b)).
// Oracle: every answered field of every stored record equals the sheet's cell on the row and column the
// answer named; the dialog's own way (one change at a time, mappingAfter) gives the same.
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { planActualRows, STACKED_CLIENT_WORDS, stackedRegister, type StackedStyle } from '../roundtrip/layouts.js';
import { mappingAfter } from '../../renderer/src/features/excel/importModel.js';
import { columnKey, type ImportPreview } from '../../electron/common/excel/preview.js';

const { call } = fileWorkspace();

interface Answer {
  column: string;
  rowOffset?: number;
  field: string;
}

/** The same answers to both registers below: each names a field detection had no word for, on the first row or the second. */
const ANSWERS: Answer[] = [
  { column: 'B', field: 'title' },
  { column: 'B', rowOffset: 1, field: 'resolution' },
  { column: 'C', field: 'raisedOn' },
  { column: 'C', rowOffset: 1, field: 'due' },
  { column: 'D', field: 'raisedBy' },
  { column: 'D', rowOffset: 1, field: 'owner' },
];

/** Two registers drawn alike, in other words and languages. */
const CASES: { name: string; style: StackedStyle; answers: Answer[] }[] = [
  {
    name: '件名 over 対応メモ, 申出日 over 目標日, 申出部署 over 対応部署',
    style: STACKED_CLIENT_WORDS,
    answers: ANSWERS,
  },
  {
    name: 'Subject over Progress notes, Logged over Target, From over Handled by',
    style: {
      sheet: 'Matters',
      header: [['Ref', null], ['Subject', 'Progress notes'], ['Logged', 'Target'], ['From', 'Handled by'], ['Status', null]],
      records: [
        ['M-01', ['Tenant notice period for access', 'Agreed at 48 hours'], ['2027-02-01', '2027-02-26'], ['Housing team', 'Contractor'], 'Open'],
        ['M-02', ['Asbestos survey before kitchens', 'Survey booked'], ['2027-02-03', '2027-03-12'], ['Surveyor', 'Asset team'], 'Closed'],
        ['M-03', ['Out-of-hours callout cover', 'Rota drafted'], ['2027-02-09', '2027-03-19'], ['Repairs desk', 'Contractor'], 'Open'],
      ],
      dates: [2],
    },
    answers: ANSWERS,
  },
];

/** What the sheet holds for the answer's field in each record: its cell on the answer's row of the block. */
function expected(style: StackedStyle, a: Answer): (string | null)[] {
  const c = a.column.charCodeAt(0) - 65;
  return style.records.map((rec) => {
    const v = rec[c]!;
    const one = Array.isArray(v) ? v[a.rowOffset ?? 0] : v;
    return one === null || one === undefined ? null : String(one);
  });
}

function fieldAt(p: ImportPreview, a: Answer): string | null | undefined {
  return p.columns.find((m) => columnKey(m) === columnKey(a))?.field;
}

async function stored(projectId: number, fields: string[]): Promise<Record<string, unknown>[]> {
  const issues = (await call('issue.list', { projectId })) as unknown as Record<string, unknown>[];
  return issues.map((i) => Object.fromEntries(fields.map((f) => [f, i[f] ?? null])));
}

describe('answers on two-row records land on the row they name', () => {
  for (const { name, style, answers } of CASES) {
    it(`refined by previewId with the answers alone: ${name}`, async () => {
      const bytes = await stackedRegister(style);
      const { id: projectId } = await call('project.create', { name });
      const p0 = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'two-row.xlsx', dataBase64: bytes.toString('base64') });
      // The layout is read two rows a record: a column of the second row is in the preview, and the key
      // named by its own top word (件名, Subject) is not asked about as a guess.
      expect(p0.columns.some((m) => m.rowOffset === 1)).toBe(true);
      expect(p0.detection?.why.filter((w) => w.code === 'keyGuessed') ?? []).toEqual([]);
      const p1 = await call('excel.previewImport', { projectId, register: 'issue', previewId: p0.previewId, mapping: { columns: answers } });
      for (const a of answers) expect([columnKey(a), fieldAt(p1, a)]).toEqual([columnKey(a), a.field]);
      await call('excel.applyImport', { previewId: p1.previewId, options: {} });
      const fields = answers.map((a) => a.field);
      const want = style.records.map((_, i) => Object.fromEntries(answers.map((a) => [a.field, expected(style, a)[i]])));
      expect(await stored(projectId, fields)).toEqual(want);
    });

    it(`answered one change at a time as the dialog sends them: ${name}`, async () => {
      const bytes = await stackedRegister(style);
      const { id: projectId } = await call('project.create', { name: `${name} (dialog)` });
      let p = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'two-row.xlsx', dataBase64: bytes.toString('base64') });
      for (const a of answers) {
        p = await call('excel.previewImport', { projectId, register: 'issue', previewId: p.previewId, mapping: mappingAfter(p, a) });
        expect([columnKey(a), fieldAt(p, a)]).toEqual([columnKey(a), a.field]);
      }
      // Every answer still holds after the later ones (a field taken by a later answer would have moved).
      for (const a of answers) expect([columnKey(a), fieldAt(p, a)]).toEqual([columnKey(a), a.field]);
      await call('excel.applyImport', { previewId: p.previewId, options: {} });
      const want = style.records.map((_, i) => Object.fromEntries(answers.map((a) => [a.field, expected(style, a)[i]])));
      expect(await stored(projectId, answers.map((a) => a.field))).toEqual(want);
    });
  }

  it('splits the header per row for answers naming a second row when no preview is kept (the header given anew)', async () => {
    const { style, answers } = CASES[1]!;
    const bytes = await stackedRegister(style);
    const { id: projectId } = await call('project.create', { name: 'no kept preview' });
    const p = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'two-row.xlsx', dataBase64: bytes.toString('base64'), mapping: { headerTop: 3, headerBottom: 4, columns: answers } });
    for (const a of answers) expect([columnKey(a), fieldAt(p, a)]).toEqual([columnKey(a), a.field]);
  });

  it('lands first-row answers alone when the header is given anew (no preview kept)', async () => {
    const { style } = CASES[0]!;
    const bytes = await stackedRegister(style);
    const { id: projectId } = await call('project.create', { name: 'first-row answers, header anew' });
    const answers: Answer[] = [
      { column: 'C', field: 'due' },
      { column: 'D', field: 'owner' },
    ];
    const p = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'two-row.xlsx', dataBase64: bytes.toString('base64'), mapping: { headerTop: 3, headerBottom: 4, columns: answers } });
    for (const a of answers) expect([columnKey(a), fieldAt(p, a)]).toEqual([columnKey(a), a.field]);
  });

  it('keeps a 予定/実績 plan’s actual twin following its first row: the dialog sends no twin, and the twin comes back after its first row is changed and changed back', async () => {
    const bytes = await planActualRows({ labels: ['予定', '実績'], header: ['No', '作業名', '区分', '開始日', '終了日', '進捗'], mergeName: true });
    const { id: projectId } = await call('project.create', { name: 'plan twins' });
    const p0 = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64: bytes.toString('base64') });
    const twins = p0.columns.filter((m) => m.rowOffset).map((m) => [columnKey(m), m.field]);
    expect(twins.length).toBeGreaterThan(0);
    const first = p0.columns.find((m) => !m.rowOffset && m.field === 'plannedStart')!;
    expect(mappingAfter(p0, { column: first.column, field: 'plannedFinish' }).columns!.some((c) => c.rowOffset)).toBe(false);
    const p1 = await call('excel.previewImport', { projectId, register: 'wbs', previewId: p0.previewId, mapping: mappingAfter(p0, { column: first.column, field: null }) });
    const p2 = await call('excel.previewImport', { projectId, register: 'wbs', previewId: p1.previewId, mapping: mappingAfter(p1, { column: first.column, field: 'plannedStart' }) });
    expect(p2.columns.filter((m) => m.rowOffset).map((m) => [columnKey(m), m.field])).toEqual(twins);
  });

  it('refuses an answer for a row the record does not have, or two fields for one column, naming the column, and changes nothing', async () => {
    const { style } = CASES[0]!;
    const bytes = await stackedRegister(style);
    const { id: projectId } = await call('project.create', { name: 'bad row' });
    const p0 = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'two-row.xlsx', dataBase64: bytes.toString('base64') });
    const refused = call('excel.previewImport', { projectId, register: 'issue', previewId: p0.previewId, mapping: { columns: [{ column: 'C', rowOffset: 2, field: 'due' }] } });
    await expect(refused).rejects.toThrow(/column C\+2 is not a column of the header/);
    // Said to the user by its letter and row, not by the key C+2.
    await expect(refused).rejects.toMatchObject({ text: { key: expect.stringContaining('notAColumnRow'), params: { column: 'C', row: 3 } } });
    // One column given two fields: refused, not the last one taken unsaid.
    await expect(
      call('excel.previewImport', { projectId, register: 'issue', previewId: p0.previewId, mapping: { columns: [{ column: 'C', rowOffset: 1, field: 'due' }, { column: 'C', rowOffset: 1, field: 'raisedOn' }] } }),
    ).rejects.toMatchObject({ text: { key: expect.stringContaining('columnTwice'), params: { column: 'C' } } });
    // The preview is still there, as it was: applying it imports the records detection found.
    await call('excel.applyImport', { previewId: p0.previewId, options: {} });
    expect((await call('issue.list', { projectId })).length).toBe(style.records.length);
  });
});

/**
 * Two-row record registers whose columns but the key are headed in the client's own words (a grade column
 * of marks, a memo under the title, dates and departments in pairs): found all the same, two rows a record.
 * Before, the header's bottom row alone scored best by its words (経過メモ | 目標日 | 対応部署) and made no
 * table, the place's other readings were dropped, and the workbook was said to hold no register.
 */
const OWN_WORDS: { name: string; head: [string, string][]; grade: [string, string[]]; titles: string[] }[] = [
  { name: '重み 高/中/低 beside 件名 over 経過メモ', head: [['件名', '経過メモ'], ['申出日', '目標日'], ['申出部署', '対応部署']], grade: ['重み', ['高', '中', '低', '中']], titles: ['外来予約の締切時刻', '検査結果の返却経路', '病棟端末の台数', '旧カルテの参照期間'] },
  { name: '重要度 ◎○△ beside 件名 over 経過', head: [['件名', '経過'], ['受付', '期日'], ['依頼元', '担当課']], grade: ['重要度', ['◎', '○', '△', '○']], titles: ['窓口番号札の発券方式', '住民票の交付待ち表示', '証明書の手数料収納', '繁忙期の臨時窓口'] },
  { name: 'Weight H/M/L beside Subject over Notes', head: [['Subject', 'Notes'], ['Logged', 'Target'], ['From', 'Handled by']], grade: ['Weight', ['H', 'M', 'L', 'M']], titles: ['Tenant notice period for access', 'Asbestos survey before kitchens', 'Out-of-hours callout cover', 'Void property turnaround'] },
];

describe('two-row record registers headed in the client’s own words are found', () => {
  for (const { name, head, grade, titles } of OWN_WORDS) {
    it(name, async () => {
      const style: StackedStyle = {
        sheet: 'Log',
        header: [['No', null], ...head, [grade[0], null]],
        records: titles.map((t, i) => [i + 1, [t, `memo ${i + 1}`], [`2027-0${i + 2}-01`, `2027-0${i + 2}-20`], [`dept ${i}`, `team ${i}`], grade[1][i]!]),
        dates: [2],
      };
      const { id: projectId } = await call('project.create', { name });
      const p = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'own-words.xlsx', dataBase64: (await stackedRegister(style)).toString('base64') });
      expect(p.problems.filter((x) => x.code === 'noTable')).toEqual([]);
      expect(p.header).toEqual({ top: 3, bottom: 4 });
      expect(p.columns.find((m) => m.field === 'title')).toMatchObject({ column: 'B', label: head[0]![0] });
      expect(p.columns.some((m) => m.column === 'B' && m.rowOffset === 1)).toBe(true);
      expect(p.rows.map((r) => r.name)).toEqual(titles);
    });
  }
});

describe('a word alone names its row’s field only where that row’s cells can be its values', () => {
  // Brought By (people, first row) over Needed By (dates, second row): "…By" reads as a due date, and the
  // due date on the people's row had the export write a date over a name (blind set 19, I2).
  for (const [name, head, people] of [
    ['Brought By over Needed By', ['Brought By', 'Needed By'], ['Payroll', 'Registrar', 'Transport', 'Catering']],
    ['依頼者 over 希望期限', ['依頼者', '希望期限'], ['教務課', '財務課', '総務課', '施設課']],
  ] as const)
    it(name, async () => {
      const titles = ['Timetable import from the old system', 'Fee refunds for withdrawn pupils', 'Bus route changes for term 2', 'Meal allowance codes'];
      const style: StackedStyle = {
        sheet: 'Requests',
        header: [['No', null], ['Subject', 'Notes'], [head[0], head[1]], ['Status', null]],
        records: titles.map((t, i) => [i + 1, [t, `note ${i + 1}`], [people[i]!, `2027-0${i + 3}-15`], i % 2 ? 'Open' : 'Closed']),
        dates: [2],
      };
      const { id: projectId } = await call('project.create', { name });
      const p = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'by.xlsx', dataBase64: (await stackedRegister(style)).toString('base64') });
      expect(p.columns.find((m) => m.column === 'C' && !m.rowOffset)?.field).not.toBe('due');
      expect(p.columns.find((m) => m.column === 'C' && m.rowOffset === 1)?.field).toBe('due');
    });
});

