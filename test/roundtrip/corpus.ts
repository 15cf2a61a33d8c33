// The corpus workbooks the round-trip runs on (../shared/corpus; absent: none), and as what register.
import fs from 'node:fs';
import path from 'node:path';
import type { ImportTarget } from '../../electron/common/excel/fields.js';

export const CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpus');

const KINDS: [RegExp, ImportTarget][] = [
  [/^(wbs|tasks|schedule|gantt|progress|pmtool|staffing)-/, 'wbs'],
  [/^risk-/, 'risk'],
  [/^(issues|qa|review|checklist|testcheck|bugcard|reviewcard|status|weekly|dailyreport|delivery|workreport)-/, 'issue'],
  // Registers no corpus file is named for yet, so that a folder of change logs or defect lists (--dir) runs too.
  [/^change-/, 'change'],
  [/^defect-/, 'defect'],
  [/^finding-/, 'finding'],
  [/^deliverable-/, 'deliverable'],
  [/^lesson-/, 'lesson'],
];

/** The register a workbook's file name says it holds (wbs-…, risk-…, issues-…, change-…), or null. */
export function kindOf(file: string): ImportTarget | null {
  return KINDS.find(([re]) => re.test(file))?.[1] ?? null;
}

/** Workbooks kept out of tuning the export: run once at the end, for a figure on files not looked at while building. */
export const HOLDOUT = new Set([
  'qa-jp-scheduleonline.xlsx', 'wbs-jp-yujikamiya.xlsx', 'gantt-jp-samplevba.xlsm', 'review-jp-waintraining.xlsx', 'risk-en-tjeresources.xlsx',
  'schedule-en-pmoportfolio.xlsx', 'issues-en-jiraproject.xlsx', 'checklist-jp-fintan.xlsx', 'status-en-doordash.xlsx',
  'dailyreport-jp-kobashin.xlsx', 'weekly-jp-rusaexp.xlsx',
]);

/**
 * The workbooks of a folder, each as the register its name begins with; a workbook whose name says
 * no register is listed in `unknown`, so that the caller names it rather than leaving it out unseen.
 */
export function folderFiles(dir: string): { files: { file: string; target: ImportTarget }[]; unknown: string[] } {
  const files: { file: string; target: ImportTarget }[] = [];
  const unknown: string[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => /\.xls[xm]$/.test(f)).sort()) {
    const target = kindOf(file);
    if (target) files.push({ file, target });
    else unknown.push(file);
  }
  return { files, unknown };
}

/**
 * The register a person reads each corpus file's first table as (test/fixtures/corpus-expectations): the
 * file's name can say otherwise (status-jp-takuito is a progress table of tasks, a WBS, that an import as
 * issues now refuses as another register's; budget-en-rk's work packages are a WBS its name does not say).
 */
function expectedRegisters(): Map<string, ImportTarget> {
  const out = new Map<string, ImportTarget>();
  const known = new Set<string>(KINDS.map(([, t]) => t));
  for (const split of ['tune', 'holdout']) {
    const p = path.resolve(import.meta.dirname, `../fixtures/corpus-expectations/${split}.json`);
    const { files } = JSON.parse(fs.readFileSync(p, 'utf8')) as { files: { file: string; tables: { register: string }[] }[] };
    for (const f of files) {
      const register = f.tables[0]?.register;
      if (register !== undefined && known.has(register)) out.set(f.file, register as ImportTarget);
    }
  }
  return out;
}

export function corpusFiles(set: 'tune' | 'holdout' | 'all' = 'all'): { file: string; target: ImportTarget }[] {
  if (!fs.existsSync(path.join(CORPUS, 'SOURCES.tsv'))) return [];
  const lines = fs.readFileSync(path.join(CORPUS, 'SOURCES.tsv'), 'utf8').trim().split('\n').slice(1);
  const read = expectedRegisters();
  const out: { file: string; target: ImportTarget }[] = [];
  for (const line of lines) {
    const file = line.split('\t')[0]!;
    const target = read.get(file) ?? kindOf(file);
    if (!target || !fs.existsSync(path.join(CORPUS, file))) continue;
    if (set === 'tune' && HOLDOUT.has(file)) continue;
    if (set === 'holdout' && !HOLDOUT.has(file)) continue;
    out.push({ file, target });
  }
  return out;
}
