// One tsconfig per runtime (tsconfig.base.json lists them): core, the host and the shell see Node's
// types and no DOM; the renderer sees the DOM and no Node types; common sees neither. Checked here by
// compiling a sample file placed (in memory) in each runtime's folder, in the program of that runtime's
// tsconfig: its own files too, so a package's types that pulled Node's globals into the renderer, say,
// would be caught. And `npm run typecheck` must check every config, and every TypeScript file of the
// repository must belong to one.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/workspace.js';

const CONFIGS = {
  shell: 'electron/tsconfig.json',
  common: 'electron/common/tsconfig.json',
  renderer: 'renderer/tsconfig.json',
  test: 'test/tsconfig.json',
  root: 'tsconfig.json',
} as const;

function parsed(config: string): ts.ParsedCommandLine {
  const host: ts.ParseConfigFileHost = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); } };
  const p = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, config), {}, host);
  if (!p) throw new Error(`${config} could not be read`);
  expect(p.errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  return p;
}

/**
 * Compiles `lines` as a file in `dir` within the program of `config`, and answers for each line
 * whether it has an error (only the sample's own diagnostics are asked for).
 */
function sampleErrors(config: string, dir: string, lines: string[]): Record<string, boolean> {
  const p = parsed(config);
  const sample = path.join(ROOT, dir, '__runtime-sample__.ts');
  const text = `${lines.map((l) => `export const s${lines.indexOf(l)} = ${l};`).join('\n')}\n`;
  const host = ts.createCompilerHost(p.options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (f, lang, ...rest) => (path.resolve(f) === sample ? ts.createSourceFile(f, text, lang) : getSourceFile.call(host, f, lang, ...rest));
  host.fileExists = (f) => path.resolve(f) === sample || fileExists.call(host, f);
  host.readFile = (f) => (path.resolve(f) === sample ? text : readFile.call(host, f));
  const program = ts.createProgram({ rootNames: [...p.fileNames, sample], options: { ...p.options, incremental: false, tsBuildInfoFile: undefined }, host });
  const file = program.getSourceFile(sample)!;
  const bad = new Set(
    [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)].map((d) => file.getLineAndCharacterOfPosition(d.start ?? 0).line),
  );
  return Object.fromEntries(lines.map((l, i) => [l, bad.has(i)]));
}

describe('one tsconfig per runtime', () => {
  it('core, the host and the shell: Node, no DOM', () => {
    expect(sampleErrors(CONFIGS.shell, 'electron/core', ['document.title', 'window.innerWidth', 'Buffer.from("x").length', 'process.pid', '[1].at(-1)'])).toEqual({
      'document.title': true,
      'window.innerWidth': true,
      'Buffer.from("x").length': false,
      'process.pid': false,
      '[1].at(-1)': false,
    });
  });

  it('the renderer: the DOM, no Node', () => {
    expect(sampleErrors(CONFIGS.renderer, 'renderer/src', ['document.title', 'Buffer.from("x").length', 'process.pid', 'require("fs")'])).toEqual({
      'document.title': false,
      'Buffer.from("x").length': true,
      'process.pid': true,
      'require("fs")': true,
    });
  });

  it('common: neither', () => {
    expect(sampleErrors(CONFIGS.common, 'electron/common', ['document.title', 'Buffer.from("x").length', 'process.env', '[1].at(-1)'])).toEqual({
      'document.title': true,
      'Buffer.from("x").length': true,
      'process.env': true,
      '[1].at(-1)': false,
    });
  });

  it('npm run typecheck checks every config, and every TypeScript file belongs to one', () => {
    const script = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.typecheck as string;
    for (const config of Object.values(CONFIGS)) {
      const dir = path.dirname(config);
      expect(script.split(/\s+/).some((w) => w === config || w === dir || w === `${dir}/`), `typecheck checks ${config}`).toBe(true);
    }
    const covered = new Set(Object.values(CONFIGS).flatMap((c) => parsed(c).fileNames.map((f) => path.resolve(f))));
    const tracked = execFileSync('git', ['ls-files', '*.ts', '*.tsx', '*.mts', '*.cts'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map((f) => path.join(ROOT, f))
      .filter((f) => fs.existsSync(f));
    expect(tracked.filter((f) => !covered.has(f)).map((f) => path.relative(ROOT, f))).toEqual([]);
  });
});
