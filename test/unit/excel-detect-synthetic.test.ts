// Import detection measured on generated client tables with known answers (test/helpers/synthetic-tables.ts):
// the sheet, header rows, data range, each column's field and the records, per seed split. The `check`
// seeds are never looked at case by case; their figures go to test-output/excel/detect-synthetic.md
// with the dev seeds' and the cases that fail per feature. The floors below are the figures measured
// when a rule last changed: detection may get better, never worse, without the floor being lowered here
// on purpose.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASK_BELOW, detectLayout } from '../../electron/core/excel/import/detect.js';
import { readTable } from '../../electron/core/excel/import/read-table.js';
import { CHECK_SEEDS, DEV_SEEDS, generateCase, HELD_SEEDS, type SyntheticCase } from '../helpers/synthetic-tables.js';

const OUT = path.resolve(import.meta.dirname, '../../test-output/excel/detect-synthetic.md');

interface Judged {
  seed: number;
  features: string[];
  sheet: boolean;
  header: boolean;
  data: boolean;
  columns: boolean;
  fieldColumns: [right: number, all: number];
  /** Each wrong column as 'expected → found' fields only (no words, no seed): CHECK is read as these counts. */
  wrongFields: string[];
  records: boolean;
  /** The preview would ask (a confidence under ASK_BELOW). */
  asked: boolean;
  right: boolean;
  found: string;
}

function judge(c: SyntheticCase): Judged {
  // Detection and reading as an import (and a 様式を登録 of a blank template) does them.
  const detected = detectLayout(c.model, c.target, { reference: '2025-06-15' });
  const a = detected.ok ? { ok: true as const, table: readTable(c.model, detected.layout, { today: '2025-06-15' }), layout: detected.layout, candidates: detected.candidates } : detected;
  const all = Object.keys(c.answer.columns).length;
  if (!a.ok) return { seed: c.seed, features: c.features, sheet: false, header: false, data: false, columns: false, fieldColumns: [0, all], wrongFields: ['no table'], records: false, asked: false, right: false, found: a.reason };
  const t = a.table;
  const conf = a.layout.confidence;
  const sheet = t.sheet === c.answer.sheet;
  const header = sheet && t.header.top === c.answer.headerRows[0] && t.header.bottom === c.answer.headerRows[1];
  const data = sheet && t.data.first === c.answer.firstDataRow && t.data.last === c.answer.lastDataRow;
  let rightColumns = 0;
  const wrong: string[] = [];
  const wrongFields: string[] = [];
  for (const [column, field] of Object.entries(c.answer.columns)) {
    const m = t.columns.find((x) => x.column === column);
    if (sheet && (field === null ? !m || m.field === null : m?.field === field)) rightColumns++;
    else {
      wrong.push(`${column}: ${field ?? 'extra'} ≠ ${m ? `${m.field ?? 'extra'} (${JSON.stringify(m.label)})` : 'absent'}`);
      wrongFields.push(`${field ?? 'extra'} → ${m ? (m.field ?? 'extra') : 'absent'}`);
    }
  }
  // A field taken from a column no person reads as one (a side table's, a label's) is wrong too.
  const invented = t.columns.filter((m) => m.field !== null && !(m.column in c.answer.columns));
  for (const m of invented) {
    wrong.push(`${m.column}: not a column ≠ ${m.field}`);
    wrongFields.push(`not a column → ${m.field}`);
  }
  const columns = sheet && rightColumns === all && invented.length === 0;
  const key = c.target === 'wbs' ? 'name' : 'title';
  const names = t.records.filter((x) => !x.group).map((x) => String(x.values[key] ?? ''));
  const lines = c.answer.lines.every((l) => String(t.records.filter((x) => !x.group)[l.record]?.values[l.field] ?? '').includes(l.text));
  const records = sheet && JSON.stringify(names) === JSON.stringify(c.answer.names) && lines;
  const asked = !!conf && (conf.table < ASK_BELOW || conf.header < ASK_BELOW || conf.key < ASK_BELOW);
  // Another register of the kind on the sheet: offered beside this one, and the table asked for.
  const offered = (c.answer.others ?? []).every((o) => a.candidates.some((k) => k.sheet === c.answer.sheet && k.headerTop === o.headerRows[0] - 1 && k.headerBottom === o.headerRows[1] - 1 && k.columns === o.columns));
  const choice = !c.answer.others || (offered && !!conf && conf.table < ASK_BELOW);
  if (!choice) wrongFields.push('second register not asked');
  if (!choice) wrong.push(`another register at ${c.answer.others!.map((o) => `${o.columns} row ${o.headerRows[0]}`).join(', ')} ${offered ? 'offered but not asked' : 'not offered'}`);
  const found = `${t.sheet} header ${t.header.top}–${t.header.bottom} (expected ${c.answer.sheet} ${c.answer.headerRows.join('–')}), data ${t.data.first}–${t.data.last} (expected ${c.answer.firstDataRow}–${c.answer.lastDataRow}), ${names.length}/${c.answer.names.length} records${records ? '' : ` [${names.slice(0, 4).join(' | ')}…]${lines ? '' : ' (a second line not joined)'}`}${wrong.length ? `; ${wrong.join('; ')}` : ''}`;
  return { seed: c.seed, features: c.features, sheet, header, data, columns, fieldColumns: [rightColumns, all], wrongFields: [...wrongFields, ...(sheet && !header ? ['header rows'] : []), ...(sheet && !data ? ['data range'] : []), ...(sheet && !records ? ['records'] : [])], records, asked, right: sheet && header && data && columns && records && choice, found };
}

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
