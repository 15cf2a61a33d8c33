// A WBS plan imported from a generated workbook (optional title rows, a header, the rows) with its profile
// saved, and its export read back: each row's [code, name] under the header, the round trip's checks
// (checkExport) against the template, and the export's answer (what it named). For the tests of the client's WBS codes.
import ExcelJS from 'exceljs';
import { readWorkbookBytes } from '../../electron/core/excel/parse-file.js';
import { tasksOfTable } from '../../electron/common/wbs-rows.js';
import { checkExport } from '../roundtrip/harness.js';
import type { Call } from './workspace.js';
import { prng } from '../fixtures/excel/hostile.js';

/** A plan workbook imported into a new project with its profile saved as `name`, and the tasks it stored. */
export async function importedPlan(call: Call, name: string, bytes: Buffer) {
  const { id: projectId } = await call('project.create', { name });
  const preview = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64: bytes.toString('base64') });
  const { profileId } = await call('excel.applyImport', { previewId: preview.previewId, options: { saveProfileAs: name } });
  const tasks = await call('wbs.rows', { projectId }).then(tasksOfTable);
  return { projectId, preview, profileId: profileId!, tasks };
}

/**
 * A seeded outline of `phases` phases, each with 1–3 tasks; `steps` says how many steps a task gets (0:
 * none), drawing from the same generator: [1], [1, 1], [1, 1, 1] … in tree order.
 */
export function outline(seed: number, phases: number, steps: (rand: () => number) => number): number[][] {
  const rand = prng(seed);
  const out: number[][] = [];
  for (let p = 1; p <= phases; p++) {
    out.push([p]);
    const tasks = 1 + Math.floor(rand() * 3);
    for (let t = 1; t <= tasks; t++) {
      out.push([p, t]);
      const n = steps(rand);
      for (let s = 1; s <= n; s++) out.push([p, t, s]);
    }
  }
  return out;
}

export async function codedPlan(call: Call, name: string, head: string[], rows: unknown[][], title: string[][] = []) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Plan');
  for (const t of title) ws.addRow(t);
  ws.addRow(head);
  for (const r of rows) ws.addRow(r);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const { projectId, preview, profileId, tasks } = await importedPlan(call, name, bytes);
  const original = await call('excel.previewImport', { projectId, register: 'wbs', fileName: 'plan.xlsx', dataBase64: bytes.toString('base64'), profileId });
  const idOf = (n: string) => tasks.find((t) => t.name === n)!.id;
  const levels = new Map(tasks.map((t) => [t.id, t.level]));
  const exported = async () => {
    const out = await call('excel.export', { projectId, register: 'wbs', profileId });
    const buf = Buffer.from(out.dataBase64, 'base64');
    const shown = readWorkbookBytes(buf, 'x.xlsx').sheets[0]!.rows.filter((r) => r.r > title.length).map((r) => [0, 1].map((c) => String(r.cells.find((x) => x.c === c)?.v ?? '')));
    const failures = await checkExport(call, { projectId, target: 'wbs', profileId, file: 'plan.xlsx', template: bytes, original }, buf, new Set(), new Set<number>([-1]), levels);
    return { rows: shown, failures, answer: out };
  };
  return { projectId, preview, tasks, idOf, exported };
}
