// LibreOffice Calc, headless, as a check that a workbook opens: files converted in one start (each start
// costs seconds) with a fresh profile in the output folder. Null where LibreOffice is not installed
// (.ci/run installs it; tests skip without it).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const LIBREOFFICE = ['/usr/bin/libreoffice', '/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find((p) => fs.existsSync(p)) ?? null;

/**
 * Converts `files` into `dir`; returns each output file, the run time and what it printed (javaldx's Java
 * warning left out). `timeoutMs`: a conversion takes seconds, but a loaded machine (2 cores shared by a
 * whole test run) stretches a start and several workbooks to minutes.
 */
export function convertWithLibreOffice(files: string[], to: 'pdf' | 'csv', dir: string, timeoutMs = 120_000): { outs: string[]; ms: number; status: number | null; output: string } {
  const t0 = performance.now();
  const profile = path.join(dir, 'profile');
  const r = spawnSync(LIBREOFFICE!, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', to, '--outdir', dir, ...files], { encoding: 'utf8', timeout: timeoutMs });
  const outs = files.map((file) => path.join(dir, `${path.basename(file, path.extname(file))}.${to}`));
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.split('\n').filter((l) => l.trim() !== '' && !/javaldx/.test(l) && !/^convert /.test(l)).join('\n');
  return { outs, ms: performance.now() - t0, status: r.status, output };
}
