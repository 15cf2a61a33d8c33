// The default printable minutes layout: excel.export writes a new workbook that exceljs reads back
// with the meeting's contents, an A4 portrait print setup fitted to one page wide, and user text that
// stays text even when it starts like a formula.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import zlib from 'node:zlib';
import { createHandlers } from '../../electron/core/handlers.js';
import { failure } from '../helpers/failure.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';

async function setup(osLocale = 'ja-JP') {
  const ws = tempWorkspace(undefined, { osLocale });
  const handlers = createHandlers(ws.db, { version: 'test', osLocale, shell: 'web', user: 'tester', today: () => '2025-04-20' });
  const call = inProcessCaller({ ...ws, handlers });
  const p = (await call('project.create', { name: '基幹システム刷新' })).id;
  const first = await call('meeting.create', { projectId: p, values: { title: '第1回 定例', series: '定例', heldOn: '2025-04-08' } });
  await call('issue.create', { projectId: p, values: { kind: 'action', title: '前回の宿題', owner: '田中', due: '2025-04-12', meetingId: first.id } });
  const m = await call('meeting.create', {
    projectId: p,
    values: {
      title: '第2回 定例: 進捗/課題',
      kind: 'regular',
      series: '定例',
      heldOn: '2025-04-15',
      startsAt: '10:00',
      endsAt: '11:30',
      place: '本社 5F 会議室A',
      online: true,
      facilitator: '山田',
      recorder: '佐藤',
      purpose: '進捗と課題の確認',
      attendees: [
        { name: '山田 太郎', side: 'ours', org: 'PMO', role: '司会', present: true },
        { name: 'John Smith', side: 'client', org: 'ACME', role: 'PM', present: false },
      ],
      agenda: [
        { title: '進捗報告', notes: '設計は予定通り。\n結合テストの準備を開始。' },
        { title: '課題', notes: '長い議事。'.repeat(400) + '\n'.repeat(3) + '続き。'.repeat(300) },
      ],
      decisions: [
        { text: '=SUM(A1:A9) は式ではなく文字として残す', agendaIndex: 0 },
        { text: '本番リリースは5月末とする', agendaIndex: 1 },
        { text: '+81-3-1234-5678', agendaIndex: null },
        { text: '@担当 -確認\tタブ', agendaIndex: null },
      ],
      nextMeeting: '2025/4/22(火) 10:00 会議室A',
    },
  });
  await call('issue.create', { projectId: p, values: { kind: 'action', title: '見積書の送付', detail: 'ベンダーへ', owner: '鈴木', due: '2025-04-30', meetingId: m.id } });
  await call('issue.create', { projectId: p, values: { kind: 'action', title: '議事録の配布', owner: '佐藤', due: '2025-04-16', status: 'done', meetingId: m.id } });
  return { ws, call, p, m, first };
}

async function read(dataBase64: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(dataBase64, 'base64') as never);
  return wb;
}

/** Every cell with a value, as "A1" → cell; a merged range counts once (its top-left cell). */
function cells(ws: ExcelJS.Worksheet): Map<string, ExcelJS.Cell> {
  const out = new Map<string, ExcelJS.Cell>();
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.value !== null && cell.master.address === cell.address) out.set(cell.address, cell);
    }),
  );
  return out;
}

const findCell = (ws: ExcelJS.Worksheet, text: string | RegExp) =>
  [...cells(ws).values()].find((c) => (typeof text === 'string' ? c.value === text : typeof c.value === 'string' && text.test(c.value)));

/** The raw XML of a part of the workbook. */
function part(dataBase64: string, name: string): string {
  const zip = Buffer.from(dataBase64, 'base64');
  for (let at = 0; zip.readUInt32LE(at) === 0x04034b50; ) {
    const nameLen = zip.readUInt16LE(at + 26);
    const size = zip.readUInt32LE(at + 18);
    const start = at + 30 + nameLen + zip.readUInt16LE(at + 28);
    if (zip.toString('utf8', at + 30, at + 30 + nameLen) === name) return zlib.inflateRawSync(zip.subarray(start, start + size)).toString('utf8');
    at = start + size;
  }
  throw new Error(`no part ${name}`);
}

describe('minutes export (default layout)', () => {
  it('writes the meeting as an A4 portrait sheet that reads back with its title, decisions and actions', async () => {
    const { call, p, m } = await setup();
    const out = await call('excel.export', { projectId: p, register: 'minutes', meetingId: m.id });
    expect(out.fileName).toBe('議事録_20250415_第2回 定例_ 進捗_課題.xlsx');
    const wb = await read(out.dataBase64);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['議事録']);
    const ws = wb.worksheets[0]!;

    expect(ws.getCell('A1').value).toBe('議事録');
    expect(findCell(ws, '第2回 定例: 進捗/課題')).toBeDefined();
    expect(findCell(ws, '基幹システム刷新')).toBeDefined();
    expect(findCell(ws, '2025/04/15（火） 10:00～11:30')).toBeDefined();
    expect(findCell(ws, '本社 5F 会議室A（オンライン）')).toBeDefined();
    expect(ws.getRow(Number(findCell(ws, '種別')!.row)).values).toEqual([undefined, '種別', '種別', '定例', '定例', 'シリーズ', 'シリーズ', '定例', '定例']);
    expect(findCell(ws, '作成中（未確定）')).toBeDefined();
    expect(findCell(ws, 'John Smith')).toBeDefined();
    expect(findCell(ws, '欠席')).toBeDefined();
    expect(findCell(ws, '設計は予定通り。\n結合テストの準備を開始。')).toBeDefined();
    expect(findCell(ws, '本番リリースは5月末とする')).toBeDefined();
    expect(findCell(ws, '2025/4/22(火) 10:00 会議室A')).toBeDefined();

    // An action row: ID, what, owner, due (a real date shown yyyy/mm/dd), status label.
    const action = findCell(ws, '見積書の送付\nベンダーへ')!;
    const row = ws.getRow(Number(action.row));
    expect(row.getCell(1).value).toBe('I-002');
    expect(row.getCell(6).value).toBe('鈴木');
    expect((row.getCell(7).value as Date).toISOString().slice(0, 10)).toBe('2025-04-30');
    expect(row.getCell(7).numFmt).toBe('yyyy/mm/dd');
    expect(row.getCell(8).value).toBe('未着手');
    expect(ws.getRow(Number(findCell(ws, '議事録の配布')!.row)).getCell(8).value).toBe('完了');

    // Carried over from the first meeting, naming it.
    const carried = ws.getRow(Number(findCell(ws, '前回の宿題')!.row));
    expect(carried.getCell(1).value).toBe('I-001');
    expect(carried.getCell(5).value).toBe('2025/04/08 第1回 定例');
    expect(carried.getCell(6).value).toBe('田中');
    expect(findCell(ws, '前回からの宿題')!.row).toBeLessThan(Number(carried.number));

    // Print setup: A4 portrait, one page wide, print area over everything written.
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    const last = ws.lastRow!.number;
    expect(ws.pageSetup.printArea?.replaceAll('$', '')).toBe(`A1:H${last}`);
    expect(ws.getCell(`A${last}`).value).toBe('2025/4/22(火) 10:00 会議室A');
    expect(ws.getCell('B4').font.name).toBe('Meiryo UI');
    expect(ws.headerFooter.oddFooter).toBe('&C&P / &N');
  });

  it('writes text that starts like a formula as a string, never a formula', async () => {
    const { call, p, m } = await setup();
    const out = await call('excel.export', { projectId: p, register: 'minutes', meetingId: m.id });
    const ws = (await read(out.dataBase64)).worksheets[0]!;
    for (const text of ['=SUM(A1:A9) は式ではなく文字として残す', '+81-3-1234-5678', '@担当 -確認\tタブ']) {
      const cell = findCell(ws, text)!;
      expect(cell, text).toBeDefined();
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
    }
    expect(part(out.dataBase64, 'xl/worksheets/sheet1.xml')).not.toContain('<f>');
  });

  it('splits long notes over rows no higher than Excel allows, keeping every word', async () => {
    const { call, p, m } = await setup();
    const ws = (await read((await call('excel.export', { projectId: p, register: 'minutes', meetingId: m.id })).dataBase64)).worksheets[0]!;
    const heights: number[] = [];
    ws.eachRow((r) => void heights.push(r.height));
    expect(Math.max(...heights)).toBeLessThanOrEqual(409);
    const notes = [...cells(ws).values()].filter((c) => typeof c.value === 'string' && /長い議事|続き/.test(c.value)).map((c) => c.value as string);
    expect(notes.length).toBeGreaterThan(1);
    expect(notes.length).toBeGreaterThan(4);
    expect(notes.join('').replaceAll('\n', '')).toBe('長い議事。'.repeat(400) + '続き。'.repeat(300));
    // Cut after a sentence end, not inside a word.
    for (const n of notes) expect(n.endsWith('。')).toBe(true);
  });

  it('is in English when asked, when the workspace UI is English, or on a non-Japanese OS', async () => {
    const en = async (dataBase64: string) => (await read(dataBase64)).worksheets[0]!;
    const { call, p, m } = await setup('ja-JP');
    const asked = await call('excel.export', { projectId: p, register: 'minutes', meetingId: m.id, language: 'en' });
    expect(asked.fileName).toBe('Minutes_20250415_第2回 定例_ 進捗_課題.xlsx');
    const ws = await en(asked.dataBase64);
    expect(ws.name).toBe('Minutes');
    expect(ws.getCell('A1').value).toBe('Minutes of Meeting');
    expect(findCell(ws, '2025/04/15 (Tue) 10:00–11:30')).toBeDefined();
    expect(findCell(ws, 'Absent')).toBeDefined();
    expect(findCell(ws, 'Regular')).toBeDefined();
    expect(ws.getRow(Number(findCell(ws, '議事録の配布')!.row)).getCell(8).value).toBe('Done');

    await call('settings.set', { key: 'ui.language', value: 'en' });
    expect((await call('excel.export', { projectId: p, register: 'minutes', meetingId: m.id })).fileName).toMatch(/^Minutes_/);
    expect((await call('excel.export', { projectId: p, register: 'minutes', meetingId: m.id, language: 'ja' })).fileName).toMatch(/^議事録_/);

    const os = await setup('en-US');
    const byOs = await os.call('excel.export', { projectId: os.p, register: 'minutes', meetingId: os.m.id });
    expect((await en(byOs.dataBase64)).getCell('A1').value).toBe('Minutes of Meeting');
  });

  it('marks final minutes as final', async () => {
    const { call, p, m } = await setup();
    await call('meeting.finalize', { id: m.id });
    const ws = (await read((await call('excel.export', { projectId: p, register: 'minutes', meetingId: m.id })).dataBase64)).worksheets[0]!;
    expect(findCell(ws, '確定')).toBeDefined();
    expect(findCell(ws, '作成中（未確定）')).toBeUndefined();
  });

  it('exports an empty meeting with (none) in each list', async () => {
    const { call, p } = await setup();
    const empty = await call('meeting.create', { projectId: p });
    const out = await call('excel.export', { projectId: p, register: 'minutes', meetingId: empty.id });
    expect(out.fileName).toBe('議事録.xlsx');
    const ws = (await read(out.dataBase64)).worksheets[0]!;
    expect([...cells(ws).values()].filter((c) => c.value === '（なし）').length).toBe(7);
  });

  it('refuses what it cannot export, naming it', async () => {
    const { call, p, m } = await setup();
    const q = (await call('project.create', { name: 'Q' })).id;
    expect(await failure(call('excel.export', { projectId: p, register: 'minutes', meetingId: m.id, profileId: 999 }))).toMatchObject({ code: 'NOT_FOUND', details: { field: 'profileId' } });
    expect(await failure(call('excel.export', { projectId: p, register: 'minutes' }))).toMatchObject({ code: 'VALIDATION', details: [{ field: 'meetingId' }] });
    expect(await failure(call('excel.export', { projectId: q, register: 'minutes', meetingId: m.id }))).toMatchObject({ code: 'NOT_FOUND', details: { field: 'meetingId' } });
    expect((await failure(call('excel.export', { projectId: p, register: 'minutes' as never, meetingId: m.id, language: 'fr' as never }))).code).toBe('VALIDATION');
  });
});
