// Records of two rows, both kinds the issue names as record blocks. (1) A plan that spends two sheet rows per task, a plan row and an actual row told apart by a label column
// (予定/実績, 計画/実績, Plan/Actual, P/A), the dates in the same columns (blind set 3, H8: the 実績 rows
// were "record continued", the actual dates lost and 区分 kept as an extra '予定\n実績'). Read as one
// record (the actual row's dates are the actual dates, a progress typed there is the progress), and
// written back the same way: an edit lands on its row of the block, a new task gets a two-row block
// labelled as the client's, a deleted task's two rows go. The round-trip property must hold on such
// plans drawn several ways (merged or not, with or without codes, a headerless label column, text dates).
// (2) A register whose record spends two rows under a two-row header (件名 over 担当, 期限 over 備考, No.
// merged down over both): each stacked column is two fields, one per row of the record (they were read
// as 件名 / 担当 → title, and every 担当 row as an issue of its own).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { roundTrip } from '../roundtrip/harness.js';
import { h8Minimal, planActualRows, STACKED_STYLES, stackedRegister, type PlanActualStyle } from '../roundtrip/layouts.js';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import type { Cell } from '../../electron/common/excel/model.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const serial = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000) + 25_569;

const STYLES: Record<string, PlanActualStyle> = {
  '予定/実績, merged, codes': { labels: ['予定', '実績'], header: ['No', '作業名', '区分', '開始日', '終了日', '進捗率'], mergeName: true, codes: true },
  'Plan/Actual, not merged, codes': { labels: ['Plan', 'Actual'], header: ['#', 'Task', 'Type', 'Start', 'Finish', '% Complete'], mergeName: false, codes: true },
  'P/A, merged, flat, no progress': { labels: ['P', 'A'], header: ['No.', 'Task name', 'P/A', 'Start date', 'End date', null], mergeName: true },
  '計画/実績, headerless label, text dates': { labels: ['計画', '実績'], header: ['No', 'タスク', '', '開始', '終了', '進捗'], mergeName: false, textDates: 'm/d', codes: true },
};


async function imported(bytes: Buffer, name: string, register: 'wbs' | 'issue' = 'wbs') {
  const { id: projectId } = await call('project.create', { name });
  const preview = await call('excel.previewImport', { projectId, register, fileName: `${name}.xlsx`, dataBase64: bytes.toString('base64') });
  const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: name } });
  return { projectId, profileId: profileId!, preview };
}

const cellsOf = (bytes: Buffer) => {
  const sheet = readWorkbookBytes(bytes, 'x.xlsx').sheets[0]!;
  const at = (ref: string): Cell['v'] | undefined => {
    const c = ref.charCodeAt(0) - 65;
    const r = Number(ref.slice(1)) - 1;
    return sheet.rows.find((x) => x.r === r)?.cells.find((x) => x.c === c)?.v;
  };
  return { sheet, at };
};

describe('two-row plan records (予定 / 実績 rows)', () => {
  it('reads the actual row of each task as its actual dates, the label column as structure (H8 minimal)', async () => {
    const { projectId, preview } = await imported(await h8Minimal(), 'h8');
    expect(preview.rows.map((r) => r.name)).toEqual(['移行計画', '移行リハーサル']);
    expect(preview.columns.find((m) => m.label === '区分')).toMatchObject({ field: null, blockLabels: ['予定', '実績'] });
    expect(preview.columns.some((m) => m.extraKey === '区分')).toBe(false);
    const tasks = (await call('wbs.rows', { projectId }).then(tasksOfTable)) as unknown as Record<string, unknown>[];
    expect(tasks.map((t) => [t.name, t.plannedStart, t.plannedFinish, t.actualStart, t.actualFinish])).toEqual([
      ['移行計画', '2025-06-02', '2025-06-06', '2025-06-03', '2025-06-09'],
      ['移行リハーサル', '2025-06-09', '2025-06-13', '2025-06-10', null],
    ]);
    expect(tasks.every((t) => t.extra === undefined || t.extra === null || !('区分' in (t.extra as object)))).toBe(true);
  });

  it('writes an edit on its row of the block, a new task as a labelled two-row block, and removes both rows of a deleted one', async () => {
    const { projectId, profileId } = await imported(await planActualRows(STYLES['Plan/Actual, not merged, codes']!), 'edits');
    const tasks = (await call('wbs.rows', { projectId }).then(tasksOfTable)) as unknown as { id: number; name: string }[];
    const id = (name: string) => tasks.find((t) => t.name === name)!.id;
    await call('wbs.update', { id: id('Inventory'), patch: { actualFinish: '2025-06-20', plannedStart: '2025-06-08' } });
    await call('wbs.create', { projectId, afterId: id('Inventory'), values: { name: 'New middle', plannedStart: '2025-06-11', plannedFinish: '2025-06-12', actualStart: '2025-06-12' } as never });
    await call('wbs.delete', { id: id('Rehearsal') });
    const out = Buffer.from((await call('excel.export', { projectId, register: 'wbs', profileId })).dataBase64, 'base64');
    const { at } = cellsOf(out);
    // Inventory: the planned start on its plan row (6), the actual finish on its actual row (7); the actual start kept.
    expect([at('C6'), at('D6'), at('E6'), at('D7'), at('E7'), at('F7')]).toEqual(['Inventory', 'Plan', serial('2025-06-08'), 'Actual', serial('2025-06-10'), serial('2025-06-20')]);
    // The new task: two rows, labelled, its actual start on the second.
    expect([at('C8'), at('D8'), at('E8'), at('F8'), at('C9'), at('D9'), at('E9')]).toEqual(['New middle', 'Plan', serial('2025-06-11'), serial('2025-06-12'), undefined, 'Actual', serial('2025-06-12')]);
    // Rehearsal's two rows are gone: Cut over follows, its memo and its blank actual row with it.
    expect([at('C10'), at('D10'), at('H10'), at('D11'), at('E11')]).toEqual(['Cut over', 'Plan', 'memo 4', 'Actual', undefined]);
    const again = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'edits.xlsx', dataBase64: out.toString('base64'), profileId });
    expect(again.counts.new).toBe(0);
    expect(again.missing).toEqual([]);
    const stored = (await call('wbs.rows', { projectId }).then(tasksOfTable)) as unknown as Record<string, unknown>[];
    const middle = again.rows.find((r) => r.name === 'New middle')!;
    expect(middle.status === 'unchanged' || (middle.changes ?? []).every((c) => c.field === 'status' || c.field === 'progress')).toBe(true);
    expect(stored.find((t) => t.name === 'New middle')!.actualStart).toBe('2025-06-12');
  });

  for (const [name, style] of Object.entries(STYLES))
    it(`${name}: every random edit script comes back as stored, with the client's cells untouched`, async () => {
      const o = await roundTrip(call, `plan-actual-${name}.xlsx`, await planActualRows(style), 'wbs', { scripts: 12, seed: 15 });
      expect(o.skipped).toBe('');
      expect(o.scripts.filter((s) => s.failures.length > 0).map((s) => `#${s.script} ${s.steps.join(', ')}: ${s.failures.join(' / ')}`)).toEqual([]);
    }, 300_000);

  // Blind-set family: the 予定/実績 words on the first task's rows only, the other blocks unlabelled, or
  // once in a cell merged down over the label column. The import read every unlabelled 実績 row as a
  // nameless task of its own (names not merged) or dropped its dates (names merged down over both rows),
  // and kept 区分 as an extra.
  for (const [labelsIn, mergeName] of [['first', false], ['first', true], ['merged', false]] as const)
    it(`labels ${labelsIn === 'first' ? 'on the first block only' : 'in one merged cell'} (names ${mergeName ? '' : 'not '}merged): every block's actual row is read as its task's, and kept and new blocks export right`, async () => {
      const style: PlanActualStyle = { labels: ['予定', '実績'], header: ['No', '作業名', '区分', '開始日', '終了日', '進捗率'], mergeName, codes: true, labelsIn };
      const { projectId, profileId, preview } = await imported(await planActualRows(style), `labels-${labelsIn}-${mergeName}`);
      expect(preview.rows.map((r) => r.name)).toEqual(['Plan the move', 'Inventory', 'Rehearsal', 'Cut over', 'Freeze']);
      expect(preview.columns.find((m) => m.label === '区分')).toMatchObject({ field: null, blockLabels: ['予定', '実績'] });
      const tasks = (await call('wbs.rows', { projectId }).then(tasksOfTable)) as unknown as Record<string, unknown>[];
      // (The leaves' own: a summary's are rolled up.)
      expect(tasks.filter((t) => ['Inventory', 'Rehearsal'].includes(t.name as string)).map((t) => [t.name, t.actualStart, t.actualFinish, t.progress])).toEqual([
        ['Inventory', '2025-06-10', null, 50],
        ['Rehearsal', null, null, 0],
      ]);
      const id = (name: string) => tasks.find((t) => t.name === name)!.id as number;
      await call('wbs.update', { id: id('Inventory'), patch: { actualStart: '2025-06-11', plannedFinish: '2025-06-16' } });
      await call('wbs.create', { projectId, afterId: id('Rehearsal'), values: { name: 'Dry run', plannedStart: '2025-06-21', plannedFinish: '2025-06-22', actualStart: '2025-06-21' } as never });
      const out = Buffer.from((await call('excel.export', { projectId, register: 'wbs', profileId })).dataBase64, 'base64');
      const { at } = cellsOf(out);
      // Inventory's block (rows 6–7) keeps its blank labels; its planned finish lands on its plan row, its actual start on its actual row.
      expect([at('C6'), at('D6'), at('F6'), at('D7'), at('E7'), at('F7')]).toEqual(['Inventory', undefined, serial('2025-06-16'), undefined, serial('2025-06-11'), undefined]);
      const again = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'first-labels.xlsx', dataBase64: out.toString('base64'), profileId });
      expect(again.rows.filter((r) => r.status !== 'unchanged').map((r) => `${r.row} ${r.name} ${JSON.stringify(r.changes ?? [])}`)).toEqual([]);
      expect(again.missing).toEqual([]);
      expect(again.counts.new).toBe(0);
    });

  it('a column of other words (or plan words without actual rows under them) is no label column', async () => {
    // 区分 holding 予定 on every row (a one-row plan: blind set 3's "two rows per task" gantt has only 予定).
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('WBS');
    ws.addRow(['作業名', '区分', '開始日', '終了日']);
    ['設計', '製造', '試験'].forEach((n, i) => ws.addRow([n, i === 1 ? '実績' : '予定', d(`2025-06-0${i + 1}`), d(`2025-06-0${i + 3}`)]));
    const { preview } = await imported(Buffer.from(await wb.xlsx.writeBuffer()), 'one-row');
    expect(preview.rows.map((r) => r.name)).toEqual(['設計', '製造', '試験']);
    expect(preview.columns.some((m) => m.blockLabels || m.rowOffset)).toBe(false);
  });
});

describe('two-row register records under a two-row header (件名 over 担当)', () => {
  it('reads each record from its two rows and writes edits, new and deleted records as two-row blocks', async () => {
    const { projectId, profileId, preview } = await imported(await stackedRegister(STACKED_STYLES['課題 (件名/担当, 期限/備考)']!.style), 'stacked', 'issue');
    expect(preview.rows.map((r) => [r.name, r.values?.owner])).toEqual([
      ['ログイン仕様の確認', '山田'],
      ['帳票レイアウト確定', '佐藤'],
      ['テスト環境の手配', '鈴木'],
      ['権限の申請', '山田'],
    ]);
    expect(preview.columns.filter((m) => m.column === 'B').map((m) => [m.label, m.field, m.rowOffset ?? 0])).toEqual([
      ['件名', 'title', 0],
      ['担当', 'owner', 1],
    ]);
    const issues = (await call('issue.list', { projectId })) as unknown as { id: number; title: string; extra?: Record<string, unknown> }[];
    expect(issues.find((i) => i.title === 'ログイン仕様の確認')!.extra).toEqual({ 備考: '顧客確認' });
    await call('issue.update', { id: issues[1]!.id, patch: { owner: '高橋', due: '2025-04-22' } as never });
    await call('issue.create', { projectId, values: { title: '新しい課題', owner: '伊藤', due: '2025-06-01' } as never });
    await call('issue.delete', { id: issues[2]!.id });
    const out = Buffer.from((await call('excel.export', { projectId, register: 'issue', profileId })).dataBase64, 'base64');
    const { at, sheet } = cellsOf(out);
    // The edited record: its due on its first row, its owner on its second.
    expect([at('B7'), at('C7'), at('B8')]).toEqual(['帳票レイアウト確定', serial('2025-04-22'), '高橋']);
    // テスト環境の手配's two rows are gone; the new record is a two-row block after the last, its No. merged over both.
    expect([at('B9'), at('B10'), at('B11'), at('C11'), at('B12')]).toEqual(['権限の申請', '山田', '新しい課題', serial('2025-06-01'), '伊藤']);
    expect(sheet.merges.some((m) => m.r1 === 10 && m.r2 === 11 && m.c1 === 0)).toBe(true);
    expect(at('A14')).toBe('※ 上段・下段で1件');
    const again = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'stacked.xlsx', dataBase64: out.toString('base64'), profileId });
    expect([again.counts.new, again.counts.changed, again.missing.length]).toEqual([0, 0, 0]);
  });

  for (const [name, { target, style }] of Object.entries(STACKED_STYLES))
    it(`${name}: every random edit script comes back as stored, with the client's cells untouched`, async () => {
      const o = await roundTrip(call, `stacked-${name}.xlsx`, await stackedRegister(style), target, { scripts: 12, seed: 15 });
      expect(o.skipped).toBe('');
      expect(o.scripts.filter((s) => s.failures.length > 0).map((s) => `#${s.script} ${s.steps.join(', ')}: ${s.failures.join(' / ')}`)).toEqual([]);
    }, 300_000);

  it('a header of two rows over one-row records (a group word over its columns, or a word in two languages) is read as before', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('課題');
    ws.addRow(['No', '件名', '担当', '期限']);
    ws.addRow([null, 'Title', 'Owner', 'Due']);
    ws.mergeCells('A1:A2');
    [['ログイン仕様', '山田', '2025-04-10'], ['帳票確定', '佐藤', '2025-04-20'], ['環境手配', '鈴木', '2025-04-25']].forEach(([t, o, due], i) => ws.addRow([i + 1, t, o, d(due!)]));
    const { preview } = await imported(Buffer.from(await wb.xlsx.writeBuffer()), 'bilingual', 'issue');
    expect(preview.rows.map((r) => r.name)).toEqual(['ログイン仕様', '帳票確定', '環境手配']);
    expect(preview.columns.some((m) => m.rowOffset)).toBe(false);
  });
});
