// Import detection measured on generated client tables with known answers (test/helpers/synthetic-tables.ts):
// the sheet, header rows, data range, each column's field and the records, per seed split. The `check`
// seeds are never looked at case by case; their figures go to test-output/excel/detect-synthetic.md
// with the dev seeds' and the cases that fail per feature. The floors below are the figures measured
// when a rule last changed: detection may get better, never worse, without the floor being lowered here
// on purpose.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { judge, type Judged } from '../helpers/synthetic-judge.js';
import { CHECK_SEEDS, DEV_SEEDS, generateCase, HELD_SEEDS } from '../helpers/synthetic-tables.js';

const OUT = path.resolve(import.meta.dirname, '../../test-output/excel/detect-synthetic.md');

const pct = (a: number, b: number) => `${a}/${b} (${b ? Math.round((100 * a) / b) : 0} %)`;

function figures(js: Judged[]) {
  const n = js.length;
  const count = (f: (j: Judged) => boolean) => js.filter(f).length;
  const fc = js.reduce<[number, number]>((t, j) => [t[0] + j.fieldColumns[0], t[1] + j.fieldColumns[1]], [0, 0]);
  return {
    right: count((j) => j.right),
    line: `tables fully right ${pct(count((j) => j.right), n)}; sheet ${pct(count((j) => j.sheet), n)}; header rows ${pct(count((j) => j.header), n)}; data range ${pct(count((j) => j.data), n)}; columns ${pct(count((j) => j.columns), n)}; field columns ${pct(fc[0], fc[1])}; records ${pct(count((j) => j.records), n)}; wrong but asked ${count((j) => !j.right && j.asked)}/${count((j) => !j.right)}`,
  };
}

/** How often each kind of wrong column (expected → found field) occurs, most often first. */
function byWrongField(js: Judged[]): string {
  const counts = new Map<string, number>();
  for (const j of js) for (const w of j.wrongFields) counts.set(w, (counts.get(w) ?? 0) + 1);
  return ['| expected → found | count |', '| --- | --- |', ...[...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([w, n]) => `| ${w} | ${n} |`)].join('\n');
}

function byFeature(js: Judged[]): string {
  const names = [...new Set(js.flatMap((j) => j.features))].sort();
  return ['| feature | fully right |', '| --- | --- |', ...names.map((f) => `| ${f} | ${pct(js.filter((j) => j.features.includes(f) && j.right).length, js.filter((j) => j.features.includes(f)).length)} |`)].join('\n');
}

const dev = DEV_SEEDS.map((s) => judge(generateCase(s)));
const check = CHECK_SEEDS.map((s) => judge(generateCase(s)));
/** Words nobody tuned on (synthetic-held-words.ts): only this line of figures is ever read. */
const held = HELD_SEEDS.map((s) => judge(generateCase(s)));

/** Fully right tables of the check seeds when the rules last changed (a ratchet: raise it, never lower it). */
const CHECK_FLOOR = 147;
const DEV_FLOOR = 396;
/** HELD's floor: a ratchet too, never raised by reading its cases. */
const HELD_FLOOR = 132;

describe('detection on generated client tables with known answers', () => {
  it('writes the figures per split and feature', () => {
    const report = [
      '# Import detection on generated client tables',
      '',
      'test/unit/excel-detect-synthetic.test.ts, generator test/helpers/synthetic-tables.ts.',
      '',
      `- DEV (${dev.length} seeds): ${figures(dev).line}`,
      `- CHECK (${check.length} seeds, not looked at case by case): ${figures(check).line}`,
      `- HELD (${held.length} seeds, words written before tuning and never read since): ${figures(held).line}`,
      '',
      '## DEV by feature',
      '',
      byFeature(dev),
      '',
      '## CHECK by feature',
      '',
      byFeature(check),
      '',
      '## CHECK wrong, by kind (fields only)',
      '',
      byWrongField(check),
      '',
      '## DEV cases not fully right',
      '',
      ...dev.filter((j) => !j.right).map((j) => `- ${j.seed} [${j.features.join(', ')}]${j.asked ? ' (asks)' : ''}: ${j.found}`),
    ].join('\n');
    fs.mkdirSync(path.dirname(OUT), { recursive: true });
    fs.writeFileSync(OUT, report);
    expect(report).toContain('CHECK');
  });

  it('generates the same workbook for the same seed, and answers that point at its cells', () => {
    const a = generateCase(42);
    expect(JSON.stringify(generateCase(42))).toBe(JSON.stringify(a));
    const sheet = a.model.sheets.find((s) => s.name === a.answer.sheet)!;
    const first = sheet.rows.find((r) => r.r === a.answer.firstDataRow! - 1)!;
    expect(first.cells.some((c) => String(c.v).startsWith(a.answer.names[0]!.slice(0, 4)))).toBe(true);
  });

  it('keeps the figures at or above their floors', () => {
    expect(figures(check).right).toBeGreaterThanOrEqual(CHECK_FLOOR);
    expect(figures(dev).right).toBeGreaterThanOrEqual(DEV_FLOOR);
    expect(figures(held).right).toBeGreaterThanOrEqual(HELD_FLOOR);
  });
});
