// How a generated client table (synthetic-tables.ts) is read, against what a person reads in it: the
// sheet, header rows, data range, each column's field, the records, and whether the import would ask.
// Shared by the synthetic detection test and the asks 2×2 (test/bench/import-asks.ts), so both judge alike.
import { ASK_BELOW, defaultVocabularies, detectLayout } from '../../electron/core/excel/import/detect.js';
import { columnFits, detectionDoubts } from '../../electron/core/excel/import/doubts.js';
import { readTable } from '../../electron/core/excel/import/read-table.js';
import type { SyntheticCase } from './synthetic-tables.js';

export interface Judged {
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
  /** The preview would ask (doubts.ts: which table, or the header), as the import dialog does, and why. */
  asked: boolean;
  why: string[];
  /** A person expects a question: another register of the kind stands on the sheet. */
  mustAsk: boolean;
  right: boolean;
  found: string;
}

export function judge(c: SyntheticCase): Judged {
  // Detection and reading as an import (and a 様式を登録 of a blank template) does them.
  const detected = detectLayout(c.model, c.target, { reference: '2025-06-15' });
  const a = detected.ok ? { ok: true as const, table: readTable(c.model, detected.layout, { today: '2025-06-15' }), layout: detected.layout, candidates: detected.candidates } : detected;
  const all = Object.keys(c.answer.columns).length;
  if (!a.ok) return { seed: c.seed, features: c.features, sheet: false, header: false, data: false, columns: false, fieldColumns: [0, all], wrongFields: ['no table'], records: false, asked: false, why: [], mustAsk: !!c.answer.others, right: false, found: a.reason };
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
  // (With the columns the preview asks about: kept as the client's own, their cells fitting a free field.)
  const fits = columnFits(c.target, c.model, t, { vocab: defaultVocabularies(), today: '2025-06-15' });
  const doubts = conf ? detectionDoubts(c.target, t, { sheet: a.layout.sheet, headerTop: a.layout.headerTop, confidence: conf }, a.candidates, fits) : null;
  const asked = !!doubts?.ask;
  // Another register of the kind on the sheet: offered beside this one, and the table asked for.
  const offered = (c.answer.others ?? []).every((o) => a.candidates.some((k) => k.sheet === c.answer.sheet && k.headerTop === o.headerRows[0] - 1 && k.headerBottom === o.headerRows[1] - 1 && k.columns === o.columns));
  const choice = !c.answer.others || (offered && !!conf && conf.table < ASK_BELOW);
  if (!choice) wrongFields.push('second register not asked');
  if (!choice) wrong.push(`another register at ${c.answer.others!.map((o) => `${o.columns} row ${o.headerRows[0]}`).join(', ')} ${offered ? 'offered but not asked' : 'not offered'}`);
  const found = `${t.sheet} header ${t.header.top}–${t.header.bottom} (expected ${c.answer.sheet} ${c.answer.headerRows.join('–')}), data ${t.data.first}–${t.data.last} (expected ${c.answer.firstDataRow}–${c.answer.lastDataRow}), ${names.length}/${c.answer.names.length} records${records ? '' : ` [${names.slice(0, 4).join(' | ')}…]${lines ? '' : ' (a second line not joined)'}`}${wrong.length ? `; ${wrong.join('; ')}` : ''}`;
  return { seed: c.seed, features: c.features, sheet, header, data, columns, fieldColumns: [rightColumns, all], wrongFields: [...wrongFields, ...(sheet && !header ? ['header rows'] : []), ...(sheet && !data ? ['data range'] : []), ...(sheet && !records ? ['records'] : [])], records, asked, why: doubts?.why.map((w) => w.code) ?? [], mustAsk: !!c.answer.others, right: sheet && header && data && columns && records && choice, found };
}

