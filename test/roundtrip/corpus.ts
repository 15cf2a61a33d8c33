// The corpus workbooks the round-trip runs on (../shared/corpus; absent: none), and as what register.
import fs from 'node:fs';
import path from 'node:path';
import type { ImportTarget } from '../../electron/common/excel/fields.js';

export const CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpus');

const KINDS: [RegExp, ImportTarget][] = [
  [/^(wbs|tasks|schedule|gantt|progress|pmtool|staffing)-/, 'wbs'],
  [/^risk-/, 'risk'],
  [/^(issues|qa|review|checklist|testcheck|bugcard|reviewcard|status|weekly|dailyreport|delivery|workreport)-/, 'issue'],
];

/** Workbooks kept out of tuning the export: run once at the end, for a figure on files not looked at while building. */
export const HOLDOUT = new Set([
  'qa-jp-scheduleonline.xlsx', 'wbs-jp-yujikamiya.xlsx', 'gantt-jp-samplevba.xlsm', 'review-jp-waintraining.xlsx', 'risk-en-tjeresources.xlsx',
  'schedule-en-pmoportfolio.xlsx', 'issues-en-jiraproject.xlsx', 'checklist-jp-fintan.xlsx', 'status-en-doordash.xlsx',
  'dailyreport-jp-kobashin.xlsx', 'weekly-jp-rusaexp.xlsx',
]);

/** The workbooks of a folder, each as the register its name begins with (files of no known kind are left out). */
export function folderFiles(dir: string): { file: string; target: ImportTarget }[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /\.xls[xm]$/.test(f))
    .sort()
    .flatMap((file) => {
      const kind = KINDS.find(([re]) => re.test(file));
      return kind ? [{ file, target: kind[1] }] : [];
    });
}

export function corpusFiles(set: 'tune' | 'holdout' | 'all' = 'all'): { file: string; target: ImportTarget }[] {
  if (!fs.existsSync(path.join(CORPUS, 'SOURCES.tsv'))) return [];
  const lines = fs.readFileSync(path.join(CORPUS, 'SOURCES.tsv'), 'utf8').trim().split('\n').slice(1);
  const out: { file: string; target: ImportTarget }[] = [];
  for (const line of lines) {
    const file = line.split('\t')[0]!;
    const kind = KINDS.find(([re]) => re.test(file));
    if (!kind || !fs.existsSync(path.join(CORPUS, file))) continue;
    if (set === 'tune' && HOLDOUT.has(file)) continue;
    if (set === 'holdout' && !HOLDOUT.has(file)) continue;
    out.push({ file, target: kind[1] });
  }
  return out;
}
