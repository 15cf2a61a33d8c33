// User-facing IDs (R-001, I-001, C-001). A number once given is never given again in the project, even
// after its row is deleted or renamed: the highest number ever seen is kept in the settings table, written
// in the same transaction as the rows (undo does not lower it, so an undone create's ID stays retired).
import { formatRef, refNumber, type RegisterDef } from '../../../common/registers.js';
import type { SqlDb as Db } from '../../db/sql.js';
import { getSetting, setSetting } from '../settings.js';

const key = (def: RegisterDef, projectId: number) => `project.${projectId}.${def.name}.lastRef`;

/**
 * Hands out the next free IDs above every number in use or ever given, in the project's own scheme:
 * R-001 by default; R6 after a client's R1–R5, RSK-07 after RSK-01–RSK-06 (its prefix, its padding), 4 or
 * 004 after IDs the file held as the text 1–3 or 001–003.
 */
export function refAllocator(db: Db, def: RegisterDef, projectId: number, refsInUse: Iterable<string>): () => string {
  const refs = [...refsInUse];
  const scheme = refScheme(refs) ?? { prefix: def.refPrefix, width: 3 };
  let last = Number(getSetting(db, key(def, projectId)) ?? 0) || 0;
  for (const ref of refs) last = Math.max(last, refNumber(def.refPrefix, ref) ?? 0, refNumber(scheme.prefix, ref) ?? 0);
  return () => `${scheme.prefix}${String(++last).padStart(scheme.width, '0')}`;
}

/** An ID's text before its number and the number's digits (RSK-07 → ['RSK-', '07']), or null without a number at its end. */
function prefixAndNumber(ref: string): [string, string] | null {
  const m = /^(.*?[^\d])?(\d{1,9})$/.exec(ref.normalize('NFKC').trim());
  return m ? [m[1] ?? '', m[2]!] : null;
}

/** The prefix and digit width most of the IDs in use share, when it is not PMO Desk's own. */
function refScheme(refs: string[]): { prefix: string; width: number } | null {
  const by = new Map<string, string[]>();
  for (const ref of refs) {
    const parts = prefixAndNumber(ref);
    if (!parts) continue;
    const [prefix, digits] = parts;
    const list = by.get(prefix);
    if (list) list.push(digits);
    else by.set(prefix, [digits]);
  }
  const best = groupedScheme(by, refs) ?? [...by].sort((a, b) => b[1].length - a[1].length)[0];
  if (!best || best[1].length < Math.max(2, refs.length * 0.6)) return null;
  const [prefix, digits] = best;
  // Zero-padded when every number is written at one width and some number needed a leading zero.
  const widths = new Set(digits.map((d) => d.length));
  const padded = widths.size === 1 && digits.some((d) => d.startsWith('0'));
  const width = padded ? digits[0]!.length : 1;
  // Plain numbers are such IDs only where the file held them as text ('1', '001'): typed as numbers they
  // were read as PMO Desk's own (R-001 …) and go back to the file as numbers.
  return { prefix, width };
}

/**
 * IDs numbered within groups named in the prefix (D-1-01 … D-2-08: a period, then a running number;
 * DM-G-101 … DM-E-201 … DM-G-103: a discipline's letter): no one prefix holds most of them, but one form
 * does (its letters and digits as runs, its first letters the same). A new ID continues the group of the
 * last one listed (the project's IDs in the order they were given: the file's, then ours), as the client's
 * next row would (D-2-09, DM-G-104); null when no form holds most.
 */
function groupedScheme(by: Map<string, string[]>, refs: string[]): [string, string[]] | null {
  const formOf = (prefix: string) => `${/^[^\d\W_]*/u.exec(prefix)![0]}|${prefix.replace(/[^\d\W_]+/gu, 'A').replace(/\d+/g, '#')}`;
  const forms = new Map<string, [string, string[]][]>();
  for (const entry of by) {
    if (entry[0] === '') continue;
    const form = formOf(entry[0]);
    forms.set(form, [...(forms.get(form) ?? []), entry]);
  }
  for (const [form, groups] of forms) {
    const digits = groups.flatMap(([, d]) => d);
    if (groups.length < 2 || digits.length < Math.max(2, refs.length * 0.6)) continue;
    const prefixes = new Set(groups.map(([p]) => p));
    for (let i = refs.length - 1; i >= 0; i--) {
      const prefix = prefixAndNumber(refs[i]!)?.[0];
      if (prefix !== undefined && prefixes.has(prefix) && formOf(prefix) === form) return [prefix, digits];
    }
  }
  return null;
}

/**
 * Records the IDs written by a batch, so their numbers are never handed out again: in PMO Desk's scheme
 * and in the project's own (R4 after a client's R1–R3, even once R3 is deleted).
 */
export function retireRefs(db: Db, def: RegisterDef, projectId: number, refs: Iterable<string>, refsInUse: Iterable<string> = []): void {
  const written = [...refs];
  const scheme = refScheme([...refsInUse, ...written]);
  const stored = Number(getSetting(db, key(def, projectId)) ?? 0) || 0;
  let last = stored;
  for (const ref of written) last = Math.max(last, refNumber(def.refPrefix, ref) ?? 0, scheme ? (refNumber(scheme.prefix, ref) ?? 0) : 0);
  if (last > stored) setSetting(db, key(def, projectId), last);
}
