// Doyensec's Electronegativity over electron/ (main, preload, the shared code they bundle): every finding
// must be explained in build/electronegativity-allowlist.json (check id, file, the reason it is not a
// problem here, reviewed in that file), and every allowlist entry must still match a finding, so the
// list never carries stale excuses. The tool exits 0 whatever it finds, so the findings are read from its
// result (its `issues`; `errors` are files it failed to parse, which must be none). It looks up Electron
// releases on the network for one global check, which is left out (no network here, ever). Our own window-option tests stay (the tool missed
// nodeIntegration: true beside sandbox: false in a trial, see SECURITY-NOTES.md).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

interface Finding {
  id: string;
  file: string;
  sample?: string;
  location?: { line: number; column: number };
  description?: string;
}
interface Allowed {
  id: string;
  file: string;
  /** Why this finding is not a problem in PMO Desk. */
  reason: string;
}

describe('Electronegativity', () => {
  it('finds nothing in electron/ that the reviewed allowlist does not explain', async () => {
    const run = require('@doyensec/electronegativity') as (o: Record<string, unknown>) => Promise<{ errors: unknown[]; issues: Finding[] }>;
    const electron = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies.electron!.replace(/^[^\d]*/, '');
    const result = await run({
      input: path.join(ROOT, 'electron'),
      isRelative: true,
      // Its checks depend on the version's defaults; it cannot find the version in electron/ itself.
      electronVersionOverride: electron,
      // The one check that needs the network (Electron's release list).
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    });
    // Files it could not parse would be files it did not check.
    expect(result.errors).toEqual([]);
    const allow = JSON.parse(fs.readFileSync(path.join(ROOT, 'build/electronegativity-allowlist.json'), 'utf8')) as Allowed[];
    for (const a of allow) expect(a.reason.length, `${a.id} ${a.file}: give the reason`).toBeGreaterThan(20);
    const norm = (f: string) => f.replaceAll('\\', '/').replace(/^\.?\//, '');
    const key = (id: string, file: string) => `${id} ${norm(file)}`;
    const allowed = new Set(allow.map((a) => key(a.id, a.file)));
    const findings = result.issues.map((f) => ({ ...f, key: key(f.id, f.file) }));
    const unexplained = findings.filter((f) => !allowed.has(f.key)).map((f) => `${f.key}:${f.location?.line ?? '?'} ${f.description ?? ''} — ${f.sample ?? ''}`);
    expect(unexplained).toEqual([]);
    const found = new Set(findings.map((f) => f.key));
    expect(allow.map((a) => key(a.id, a.file)).filter((k) => !found.has(k)), 'allowlist entries that no longer match a finding').toEqual([]);
  }, 120_000);
});
