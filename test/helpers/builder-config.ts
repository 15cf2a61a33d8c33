// build/electron-builder.yml as the tests read it: what the package holds and what it unpacks beside the
// asar, taken from the file itself so a test follows the config rather than a copy of it.
import fs from 'node:fs';
import path from 'node:path';
import { minimatch } from 'minimatch';

const ROOT = path.resolve(import.meta.dirname, '../..');
const config = fs.readFileSync(path.join(ROOT, 'build/electron-builder.yml'), 'utf8');

function section(key: string): string[] {
  const lines = config.split('\n');
  const at = lines.indexOf(`${key}:`);
  if (at < 0) throw new Error(`${key} is not in build/electron-builder.yml`);
  return lines.slice(at + 1);
}

/** The items of a top-level list (`key:` then `  - item` lines, comments skipped), unquoted. */
export function builderList(key: string): string[] {
  const items: string[] = [];
  for (const line of section(key)) {
    if (/^\s*#/.test(line) || line.trim() === '') continue;
    const m = /^\s+-\s+(.+)$/.exec(line);
    if (!m) break;
    items.push(m[1]!.replace(/^"(.*)"$/, '$1'));
  }
  return items;
}

/** The `key: value` pairs of a top-level map. */
export function builderMap(key: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of section(key)) {
    if (/^\s*#/.test(line) || line.trim() === '') continue;
    const m = /^\s+([A-Za-z]+):\s*(.+)$/.exec(line);
    if (!m) break;
    out[m[1]!] = m[2]!;
  }
  return out;
}

/**
 * Whether electron-builder packs the project file `rel` (forward slashes): the `files` patterns in
 * order, the last that matches deciding (as --dir was seen to apply them), over its default of taking
 * the production node_modules.
 */
export function packedByConfig(rel: string): boolean {
  let packed = rel.startsWith('node_modules/');
  for (const p of builderList('files')) {
    const negated = p.startsWith('!');
    if (minimatch(rel, negated ? p.slice(1) : p, { dot: true })) packed = !negated;
  }
  return packed;
}
