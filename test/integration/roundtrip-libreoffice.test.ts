// Check 4 of the round-trip property (test/roundtrip/harness.ts): an export into a client's workbook after
// real edits opens in LibreOffice. Each workbook — generated layouts that once broke the export, seeded
// synthetic layouts and a few corpus workbooks (skipped without ../shared/corpus) — is imported with a
// profile, edited by a seeded script of 8 to 12 steps through the API and exported; all exports are then
// converted to PDF in one LibreOffice start (each start costs seconds; one per file outran the test's time
// on a loaded machine), which must exit 0, print no complaint about repairing or loading a file, and give
// a PDF of each. Skips when LibreOffice is not installed (apt-get install -y libreoffice-calc-nogui).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { convertWithLibreOffice, LIBREOFFICE } from '../helpers/libreoffice.js';
import { inProcessCaller, tempWorkspace, type Call } from '../helpers/workspace.js';
import { CORPUS, corpusFiles } from '../roundtrip/corpus.js';
import { roundTrip } from '../roundtrip/harness.js';
import { LAYOUTS } from '../roundtrip/layouts.js';
import { syntheticLayout } from '../roundtrip/synthetic.js';
import type { ImportTarget } from '../../electron/common/excel/fields.js';

const SEED = 20_251_205;
const GENERATED = ['two rows per task', 'merged column groups', 'prepared blank rows', 'shared formulas and a left-out row', 'plan and actual rows'];
const SYNTHETIC = [7000, 7001, 7002, 7005];
const CORPUS_FILES = ['wbs-jp-neos.xlsx', 'pmtool-jp-yabuki.xlsx', 'risk-en-nc.xlsx', 'issues-en-nc.xlsx'];

let ws: ReturnType<typeof tempWorkspace>;
let call: Call;
let dir = '';

beforeAll(async () => {
  await buildReaderWorker();
  ws = tempWorkspace();
  call = inProcessCaller(ws);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmo-rt-lo-'));
});

afterAll(() => {
  ws?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!LIBREOFFICE)('round-trip exports after edits open in LibreOffice', () => {
  it('converts the edited exports of generated, synthetic and corpus workbooks to PDF without complaint', async () => {
    const inputs: { name: string; target: ImportTarget; bytes: () => Promise<Buffer> }[] = [
      ...LAYOUTS.filter((l) => GENERATED.includes(l.name)).map((l) => ({ name: l.name, target: l.target, bytes: l.build })),
      ...SYNTHETIC.map(syntheticLayout).map((l) => ({ name: l.name, target: l.target, bytes: l.build })),
      ...corpusFiles('all')
        .filter((f) => CORPUS_FILES.includes(f.file))
        .map((f) => ({ name: f.file, target: f.target, bytes: async () => fs.readFileSync(path.join(CORPUS, f.file)) })),
    ];
    expect(inputs.length).toBeGreaterThanOrEqual(GENERATED.length + SYNTHETIC.length);
    const files: string[] = [];
    for (const [i, input] of inputs.entries()) {
      const o = await roundTrip(call, `${input.name}.xlsx`, await input.bytes(), input.target, { scripts: 1, seed: SEED, minSteps: 8, steps: 12, keepBytes: true });
      expect(o.skipped, input.name).toBe('');
      const s = o.scripts[0]!;
      // Exported after real edits (a script whose export failed has no bytes).
      expect(s.steps.length, input.name).toBeGreaterThanOrEqual(3);
      expect(s.bytes, `${input.name}: ${s.failures.join(' / ')}`).toBeDefined();
      const file = path.join(dir, `export-${i}.${/\.xlsm$/.test(input.name) ? 'xlsm' : 'xlsx'}`);
      fs.writeFileSync(file, s.bytes!);
      files.push(file);
    }
    const r = convertWithLibreOffice(files, 'pdf', dir, 600_000);
    console.log(`LibreOffice: ${files.length} exports converted in ${(r.ms / 1000).toFixed(1)} s`);
    expect(r.status, r.output).toBe(0);
    expect(r.output).not.toMatch(/repair|corrupt|error|could not be loaded|general input\/output/i);
    r.outs.forEach((out, i) => {
      const name = inputs[i]!.name;
      expect(fs.existsSync(out), name).toBe(true);
      expect(fs.statSync(out).size, name).toBeGreaterThan(500);
      expect(fs.readFileSync(out).subarray(0, 5).toString('latin1'), name).toBe('%PDF-');
    });
  }, 1_200_000);
});
