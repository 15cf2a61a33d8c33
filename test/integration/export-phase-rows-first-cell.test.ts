// A plan of phase rows drawn in their first cell only (■要件定義 in the No column, left of the task names;
// or merged across the table) over tasks of two rows (予定 / 実績, No and name merged over both) or of one.
// There a top-level record is a phase row: a top-level task (added at the end, outdented out of its phase)
// is written as a copy of one, and a phase whose tasks were all deleted keeps its row. Both must read back
// as that record: a row drawn as the plan's phase rows are (one text, in their column, merged as they
// are) is a phase with no task under it yet — before, only phases merged across the whole table were
// taken so, the others came back as a nameless task or were lost (review U5); a phase row after the last
// task of two rows was not looked for past the task's first row; and a plan left with one phase row was
// read as a title over a flat list, where the profile knows its phase rows.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileWorkspace } from '../helpers/file-workspace.js';
import { importWithProfile } from '../helpers/import-profile.js';
import { failuresOf, roundTrip } from '../roundtrip/harness.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';

const { call } = fileWorkspace();

interface Style {
  lang: 'ja' | 'en';
  /** Two rows per task (予定 / 実績, the No, name, owner and progress merged over both), else one. */
  twoRows: boolean;
  /** The phase row merged across the table (A:G), else its text alone in the first cell. */
  merged: boolean;
}

const GROUPS = {
  ja: [['■要件定義', ['現行調査', '要件ヒアリング', '要件定義書作成']], ['■設計', ['基本設計', '詳細設計']], ['■製造', ['画面実装', 'バッチ実装', '単体テスト']]],
  en: [['# Requirements', ['Survey', 'Interviews', 'Spec']], ['# Design', ['Basic design', 'Detail design']], ['# Build', ['Screens', 'Batch', 'Unit test']]],
} as Record<'ja' | 'en', [string, string[]][]>;

async function phasePlan(s: Style): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(s.lang === 'ja' ? '工程表' : 'Plan');
  ws.getCell('A1').value = s.lang === 'ja' ? '○○システム開発 工程表' : 'System build plan';
  const head = s.lang === 'ja' ? ['No', 'タスク名', '担当', '区分', '開始日', '終了日', '進捗率'] : ['No', 'Task', 'Owner', 'Type', 'Start', 'Finish', '% Done'];
  ws.getRow(3).values = s.twoRows ? head : head.filter((_, i) => i !== 3);
  const last = s.twoRows ? 'G' : 'F';
  const col = (k: number) => String.fromCharCode(65 + (s.twoRows || k < 3 ? k : k - 1));
  const [plan, actual] = s.lang === 'ja' ? ['予定', '実績'] : ['Plan', 'Actual'];
  const thin = { style: 'thin' as const };
  let r = 4;
  let no = 1;
  let day = 0;
  for (const [label, tasks] of GROUPS[s.lang]) {
    ws.getCell(`A${r}`).value = label;
    if (s.merged) ws.mergeCells(`A${r}:${last}${r}`);
    ws.getRow(r).font = { bold: true };
    r++;
    for (const t of tasks) {
      const start = new Date(Date.UTC(2025, 3, 1 + day));
      const finish = new Date(Date.UTC(2025, 3, 5 + day));
      ws.getCell(`A${r}`).value = no++;
      ws.getCell(`B${r}`).value = t;
      ws.getCell(`C${r}`).value = ['山田', '佐藤', '鈴木'][no % 3];
      ws.getCell(`${col(4)}${r}`).value = start;
      ws.getCell(`${col(5)}${r}`).value = finish;
      ws.getCell(`${col(6)}${r}`).value = day < 5 ? 1 : day < 10 ? 0.5 : 0;
      ws.getCell(`${col(6)}${r}`).numFmt = '0%';
      const rows = s.twoRows ? 2 : 1;
      if (s.twoRows) {
        ws.getCell(`D${r}`).value = plan;
        ws.getCell(`D${r + 1}`).value = actual;
        if (day < 10) {
          ws.getCell(`E${r + 1}`).value = start;
          if (day < 5) ws.getCell(`F${r + 1}`).value = finish;
        }
        for (const c of 'ABCG') ws.mergeCells(`${c}${r}:${c}${r + 1}`);
      }
      for (let k = 0; k < rows; k++) {
        for (const c of [col(4), col(5)]) ws.getCell(`${c}${r + k}`).numFmt = 'yyyy/mm/dd';
        for (let c = 0; c < (s.twoRows ? 7 : 6); c++) ws.getCell(r + k, c + 1).border = { top: thin, left: thin, bottom: thin, right: thin };
      }
      day += 4;
      r += rows;
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const STYLES: Record<string, Style> = {
  '■ labels in the first cell over 予定/実績 tasks': { lang: 'ja', twoRows: true, merged: false },
  '■ labels merged A:G over 予定/実績 tasks': { lang: 'ja', twoRows: true, merged: true },
  '# labels in the first cell over Plan/Actual tasks (English)': { lang: 'en', twoRows: true, merged: false },
  '■ labels in the first cell over one-row tasks': { lang: 'ja', twoRows: false, merged: false },
};

type Task = { id: number; name: string; level: number; parentId: number | null };
const tasksOf = async (projectId: number) => (await call('wbs.rows', { projectId }).then(tasksOfTable)) as unknown as Task[];

/**
 * Export with the profile, then preview the export with it: what would change (but the values the export
 * named as having no cell on a phase row: a top-level task's dates), and what is missing.
 */
async function reread(projectId: number, profileId: number) {
  const answer = await call('excel.export', { projectId, register: 'wbs', profileId });
  const named = new Set((answer.underMerge ?? []).map((n) => `${/\d+$/.exec(n.cell)![0]}:${n.field}`));
  const again = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'again.xlsx', dataBase64: answer.dataBase64, profileId });
  const differ = again.rows.flatMap((r) => {
    const changes = (r.changes ?? []).filter((c) => !named.has(`${r.row}:${c.field}`));
    return r.status === 'unchanged' || (r.status === 'changed' && changes.length === 0) ? [] : [`${r.row} ${r.name} ${r.status} ${JSON.stringify(changes)}`];
  });
  return { differ, missing: again.missing.map((m) => m.name) };
}

describe('phase rows in their first cell over tasks of one or two rows', () => {
  for (const [name, style] of Object.entries(STYLES)) {
    it(`a task added at the top level reads back as that record: ${name}`, async () => {
      const { projectId, profileId } = await importWithProfile(call, await phasePlan(style), `add ${name}`);
      const before = await tasksOf(projectId);
      expect(before.filter((t) => t.level === 0).map((t) => t.name)).toEqual(GROUPS[style.lang].map(([p]) => p));
      await call('wbs.create', { projectId, values: { name: style.lang === 'ja' ? '追加タスク' : 'added task', plannedStart: '2025-06-01', plannedFinish: '2025-06-05' } } as never);
      expect(await reread(projectId, profileId)).toEqual({ differ: [], missing: [] });
    });

    it(`a phase whose tasks were all deleted keeps a row that reads back as it: ${name}`, async () => {
      const { projectId, profileId } = await importWithProfile(call, await phasePlan(style), `empty phase ${name}`);
      const phase = (await tasksOf(projectId)).find((t) => t.name === GROUPS[style.lang][1]![0])!;
      for (const t of (await tasksOf(projectId)).filter((x) => x.parentId === phase.id)) await call('wbs.delete', { id: t.id });
      expect(await reread(projectId, profileId)).toEqual({ differ: [], missing: [] });
    });
  }

  it('a plan left with one phase row reads it as a phase, where the profile knows its phase rows', async () => {
    const { projectId, profileId } = await importWithProfile(call, await phasePlan(STYLES['■ labels in the first cell over 予定/実績 tasks']!), 'one phase');
    for (const p of (await tasksOf(projectId)).filter((t) => t.level === 0 && t.name !== '■設計')) await call('wbs.delete', { id: p.id });
    expect((await tasksOf(projectId)).map((t) => t.name)).toEqual(['■設計', '基本設計', '詳細設計']);
    expect(await reread(projectId, profileId)).toEqual({ differ: [], missing: [] });
  });

  // Random edit scripts (outdent out of a phase, add at the end, delete a phase's tasks) over each style.
  for (const [name, style] of Object.entries(STYLES)) {
    it(`round trip: ${name}`, async () => {
      const o = await roundTrip(call, `wbs-phases-${name}.xlsx`, await phasePlan(style), 'wbs', { scripts: 8, seed: 11, steps: 20, minSteps: 1 });
      expect(o.skipped).toBe('');
      expect(failuresOf(o)).toEqual([]);
    }, 180_000);
  }
});
