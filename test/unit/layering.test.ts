// The layers of DESIGN.md, checked on the source text (no package: a read of every file and a few
// patterns, run with the unit tests):
//   - the services (electron/core/services) reach the database only through the data-access seam:
//     no better-sqlite3 or drizzle-orm import, no use of the connection (db.sqlite, db.orm, prepare),
//     no SQL text; their statements live in electron/core/db/queries (issue 16; team mode on
//     PostgreSQL stands behind the same seam); they are handed the seam's SqlDb, never db/open's Db;
//   - core never imports the renderer or Electron, the renderer never imports core (it talks to the API);
//   - common (electron/common) is what the fronts share with core: it imports none of core, main, host,
//     preload or the renderer, no Node module and no Electron; and every module in it is used by a front
//     (the renderer, main, host or preload, directly or through another common module), so code only
//     core uses — the import engine moved to electron/core/excel/import — cannot creep back into common.
// SERVICES_NOT_YET_MOVED lists service files whose SQL still waits to move (none now); an entry that
// no longer breaks the rule fails too, so the list only shrinks.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/workspace.js';

const SERVICES = path.join(ROOT, 'electron/core/services');
const CORE = path.join(ROOT, 'electron/core');
const RENDERER = path.join(ROOT, 'renderer');
const COMMON = path.join(ROOT, 'electron/common');
/** The fronts: what runs outside core and shares common with it. */
const FRONTS = ['renderer/src', 'electron/main', 'electron/host', 'electron/preload'].map((d) => path.join(ROOT, d));
/** Packages common may import (plain TypeScript everywhere: the API's schemas). */
const COMMON_PACKAGES = new Set(['zod']);

/**
 * Service files (relative to electron/core/services) that may still run SQL of their own while their
 * statements wait to move. Empty since every service went through the seam (issue 16); a new entry
 * needs a reason in its comment.
 */
const SERVICES_NOT_YET_MOVED = new Set<string>([]);

function sourceFiles(dir: string, ext = /\.(ts|tsx|mts)$/): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && ext.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((f) => !f.split(path.sep).includes('node_modules'));
}

/** The code without comments (a `//` inside a string cuts the rest of its line: harmless here). */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/**
 * Module specifiers of static imports, re-exports and dynamic imports: only statements that start with
 * import or export, so a message such as 'is before from' in code is no import.
 */
function specifiers(text: string): string[] {
  const statements = [...text.matchAll(/(?:^|;)\s*(?:import|export)\s(?:[^;'"]*?\sfrom\s*)?['"]([^'"]+)['"]/gm)];
  const dynamic = [...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]/g)];
  return [...statements, ...dynamic].map((m) => m[1]!);
}

/** The file a relative specifier names (`./x.js` → x.ts or x.tsx), or null for a package or a missing file. */
function resolveFile(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(file), spec);
  for (const f of [base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'), base, `${base}.ts`, `${base}/index.ts`]) {
    if (fs.existsSync(f) && fs.statSync(f).isFile()) return f;
  }
  return null;
}

/** Why a common file breaks its layer: an import of another layer, a Node module, Electron or an unlisted package. */
function commonBreaches(file: string): string[] {
  const out: string[] = [];
  for (const spec of specifiers(code(fs.readFileSync(file, 'utf8')))) {
    if (spec.startsWith('.')) {
      if (!resolvesInto(file, spec, COMMON)) out.push(`imports ${spec} (outside electron/common)`);
    } else if (!COMMON_PACKAGES.has(spec)) out.push(`imports ${spec}`);
  }
  return out;
}

/** Common files the fronts use: imported by a front's file, or by a common file they use. */
function commonUsedByFronts(): Set<string> {
  const used = new Set<string>();
  const todo = FRONTS.flatMap((d) => sourceFiles(d));
  while (todo.length > 0) {
    const file = todo.pop()!;
    for (const spec of specifiers(code(fs.readFileSync(file, 'utf8')))) {
      const target = resolveFile(file, spec);
      if (target && target.startsWith(COMMON + path.sep) && !used.has(target)) {
        used.add(target);
        todo.push(target);
      }
    }
  }
  return used;
}

/**
 * What a module needs run before it, as the bundle links it: its static imports and re-exports of values
 * (not `import type`, not one whose names are all `type`, not a dynamic import(): that is another chunk).
 */
function valueImports(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|;)\s*(import|export)\s+(?!type\s)([^;'"]*?)\s*from\s*['"]([^'"]+)['"]|(?:^|;)\s*import\s*['"]([^'"]+)['"]/gm)) {
    if (m[4]) out.push(m[4]);
    else if (!/^\{\s*(?:type\s+[\w$]+(?:\s+as\s+[\w$]+)?\s*,?\s*)+\}$/.test(m[2]!.trim())) out.push(m[3]!);
  }
  return out;
}

/** The packages `entry`'s own chunk runs (its static value imports, followed through the sources), each with a file that imports it. */
function chunkPackages(entry: string): Map<string, string> {
  const packages = new Map<string, string>();
  const seen = new Set([entry]);
  const todo = [entry];
  while (todo.length > 0) {
    const file = todo.pop()!;
    for (const spec of valueImports(code(fs.readFileSync(file, 'utf8')))) {
      if (!spec.startsWith('.')) {
        if (!packages.has(spec)) packages.set(spec, path.relative(ROOT, file));
        continue;
      }
      const target = resolveFile(file, spec);
      if (target && !seen.has(target)) {
        seen.add(target);
        todo.push(target);
      }
    }
  }
  return packages;
}

function resolvesInto(file: string, spec: string, dir: string): boolean {
  if (!spec.startsWith('.')) return false;
  const target = path.resolve(path.dirname(file), spec);
  return target === dir || target.startsWith(dir + path.sep);
}

// SQL as the services wrote it: statements, clauses, and conditions handed to a table store.
const SQL_TEXT = [
  /\bSELECT\s[\s\S]*?\bFROM\b/,
  /\bINSERT\s+INTO\b/,
  /\bUPDATE\s+\w+\s+SET\b/,
  /\bDELETE\s+FROM\b/,
  /\bWITH\s+RECURSIVE\b/,
  /\bORDER\s+BY\b/,
  /\bPRAGMA\b/,
  /\bjson_each\b/,
  /\b[a-z_]+\s*(?:=|<|>|<=|>=|IS|IN)\s*\(?\?/,
];
const CONNECTION = [/\bdb\.(?:sqlite|orm|prepare)\b/, /\.prepare\(/, /\.transaction\(/];
const DRIVERS = /^(?:better-sqlite3|drizzle-orm)(?:\/|$)/;

/** Why a service file breaks the seam (empty: it does not). */
function seamBreaches(file: string): string[] {
  const text = code(fs.readFileSync(file, 'utf8'));
  const out: string[] = [];
  for (const spec of specifiers(text)) if (DRIVERS.test(spec)) out.push(`imports ${spec}`);
  // The database a service is handed is the seam's SqlDb (db/sql.ts): the opened database (db/open's
  // Db, with its connection) stays with the workspace.
  for (const spec of specifiers(text)) if (/(?:^|\/)db\/open(?:\.js)?$/.test(spec)) out.push('imports db/open');
  for (const re of CONNECTION) {
    const m = text.match(re);
    if (m) out.push(`uses the connection: ${m[0]}`);
  }
  for (const re of SQL_TEXT) {
    const m = text.match(re);
    if (m) out.push(`SQL text: ${m[0].replace(/\s+/g, ' ').slice(0, 60)}`);
  }
  return out;
}

describe('layering', () => {
  it('services reach the database only through db/queries (the data-access seam)', () => {
    const breaches = new Map<string, string[]>();
    for (const file of sourceFiles(SERVICES)) {
      const found = seamBreaches(file);
      if (found.length > 0) breaches.set(path.relative(SERVICES, file).split(path.sep).join('/'), found);
    }
    const unlisted = [...breaches].filter(([f]) => !SERVICES_NOT_YET_MOVED.has(f)).map(([f, why]) => `${f}: ${why.join('; ')}`);
    expect(unlisted, 'move these statements into electron/core/db/queries/<aggregate>.ts').toEqual([]);
    const stale = [...SERVICES_NOT_YET_MOVED].filter((f) => !breaches.has(f));
    expect(stale, 'these files keep the rule now: take them off SERVICES_NOT_YET_MOVED').toEqual([]);
  });

  it('the rule sees what it is for', () => {
    // The patterns on a sample of each breach, so a loosened pattern cannot pass everything.
    const dir = fs.mkdtempSync(path.join(ROOT, 'test-output-layering-'));
    try {
      const sample = (body: string) => {
        const f = path.join(dir, 'x.ts');
        fs.writeFileSync(f, body);
        return seamBreaches(f);
      };
      expect(sample("import Database from 'better-sqlite3';")).toEqual(['imports better-sqlite3']);
      expect(sample("import { eq } from 'drizzle-orm';")).toEqual(['imports drizzle-orm']);
      expect(sample("import type { Db } from '../db/open.js';")).toEqual(['imports db/open']);
      expect(sample("import type { SqlDb as Db } from '../db/sql.js';\nexport const f = (db: Db) => q.rows(db);")).toEqual([]);
      expect(sample('const n = db.sqlite.pragma("x");')).toEqual(['uses the connection: db.sqlite']);
      expect(sample("store.where(db, 'project_id = ?', 1);")).toEqual(['SQL text: project_id = ?']);
      expect(sample('const s = `SELECT id\n FROM wbs_tasks`;')).toEqual(['SQL text: SELECT id FROM']);
      expect(sample('// SELECT id FROM t WHERE x = ? in a comment\nconst a = 1;')).toEqual([]);
      expect(sample("const label = 'Select the rows from the sheet';")).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('core imports neither the renderer nor Electron', () => {
    const bad = sourceFiles(CORE).flatMap((file) =>
      specifiers(code(fs.readFileSync(file, 'utf8')))
        .filter((s) => resolvesInto(file, s, RENDERER) || s === 'electron' || s.startsWith('electron/'))
        .map((s) => `${path.relative(ROOT, file)}: ${s}`),
    );
    expect(bad).toEqual([]);
  });

  it('the renderer never imports core', () => {
    const bad = sourceFiles(RENDERER).flatMap((file) =>
      specifiers(code(fs.readFileSync(file, 'utf8')))
        .filter((s) => resolvesInto(file, s, CORE))
        .map((s) => `${path.relative(ROOT, file)}: ${s}`),
    );
    expect(bad).toEqual([]);
  });

  it('common imports no other layer, no Node module and no Electron', () => {
    const bad = sourceFiles(COMMON).flatMap((file) => commonBreaches(file).map((why) => `${path.relative(ROOT, file)}: ${why}`));
    expect(bad).toEqual([]);
  });

  it('every common module is used by a front (code only core uses lives in core)', () => {
    const used = commonUsedByFronts();
    const coreOnly = sourceFiles(COMMON)
      .filter((f) => !used.has(f))
      .map((f) => path.relative(ROOT, f));
    expect(coreOnly, 'only core (or tests) import these: move them under electron/core').toEqual([]);
  });

  it('the common rules see what they are for', () => {
    // Sample files inside common, so a loosened pattern or a walk that sees everything fails here.
    const dir = fs.mkdtempSync(path.join(COMMON, 'layering-sample-'));
    try {
      const sample = (body: string) => {
        const f = path.join(dir, 'x.ts');
        fs.writeFileSync(f, body);
        return { breaches: commonBreaches(f), used: commonUsedByFronts().has(f) };
      };
      expect(sample("import { readTable } from '../../core/excel/import/read-table.js';").breaches).toEqual([
        'imports ../../core/excel/import/read-table.js (outside electron/common)',
      ]);
      expect(sample("import fs from 'node:fs';").breaches).toEqual(['imports node:fs']);
      expect(sample("import { ipcRenderer } from 'electron';").breaches).toEqual(['imports electron']);
      expect(sample("import { z } from 'zod';\nimport { formatDate } from '../dates.js';")).toEqual({ breaches: [], used: false });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    // And a module the fronts do use is seen as used.
    expect(commonUsedByFronts().has(path.join(COMMON, 'excel/preview.ts'))).toBe(true);
  });

  it("the app's first chunk (main.tsx and what it imports, before the app's other chunks are asked for) runs no zod", () => {
    // The register descriptors carry zod schemas: imported for the route, zod was ~190 KB of the first
    // chunk's 145 KB minified, parsed and run before the app's own chunks were asked for (issue 13's load).
    const packages = chunkPackages(path.join(RENDERER, 'src/main.tsx'));
    expect(packages.get('zod'), 'this file brings zod into the first chunk').toBeUndefined();
    // The walk sees what it is for: a module importing a register descriptor brings zod in.
    const dir = fs.mkdtempSync(path.join(RENDERER, 'src/first-chunk-sample-'));
    try {
      const f = path.join(dir, 'x.ts');
      fs.writeFileSync(f, "import type { WbsTask } from '../../../electron/common/dto.js';\nimport { type Envelope } from '../../../electron/common/errors.js';\nimport { REGISTER_LIST } from '../../../electron/common/registers/index.js';\nexport const n = REGISTER_LIST.length;");
      expect(chunkPackages(f).get('zod')).toMatch(/^electron\/common\/registers\//);
      fs.writeFileSync(f, "import type { RegisterName } from '../../../electron/common/registers/index.js';\nimport { type RegisterDescriptor } from '../../../electron/common/registers/descriptor.js';\nexport const n = 1;");
      expect(chunkPackages(f).has('zod')).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
