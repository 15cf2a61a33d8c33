// One cell's new XML, and whether it needs any: a value equal to what the cell holds (same type and
// value, shared-string text compared by content) in the format it would get anyway leaves the cell
// untouched, so writing back unchanged data leaves the sheet's bytes unchanged.
import { isoToSerial } from '../../../common/excel/client-dates.js';
import type { SharedStrings } from './shared-strings.js';
import type { CellTok } from './sheet-rows.js';
import type { Styles } from './styles.js';
import type { CellOut, OutValue } from './types.js';
import { fromBytes, setAttr, unescapeX, unescapeXml } from './xml-text.js';

export interface CellEnv {
  sst: SharedStrings;
  styles: Styles;
  date1904: boolean;
}

/** '' is no text: treated as a clear, like null. */
export function normalize(v: OutValue): OutValue {
  return v !== null && v.t === 's' && v.v === '' ? null : v;
}

/** The format the cell gets: `base` (or the one asked for), or a clone with a date format and/or another indent. */
export function targetStyle(env: CellEnv, base: number, out: CellOut): number {
  let s = out.style !== undefined && Number.isInteger(out.style) && out.style >= 0 && out.style < env.styles.count ? out.style : base;
  if (out.value !== null && out.value.t === 'd') s = env.styles.withDate(s);
  if (out.indent !== undefined && Number.isInteger(out.indent) && out.indent >= 0 && out.indent <= 250) s = env.styles.withIndent(s, out.indent);
  return s;
}

/** Whether the cell already holds this value. */
export function sameValue(env: CellEnv, c: CellTok, v: OutValue): boolean {
  const t = c.t ?? 'n';
  const raw = c.v;
  if (v === null) {
    if (c.inline !== null) return c.inline === '';
    if (raw === null || raw === '') return true;
    return t === 's' && env.sst.text(Number(raw)) === '';
  }
  switch (v.t) {
    case 's':
      if (t === 's') return raw !== null && env.sst.text(Number(raw)) === v.v;
      if (t === 'inlineStr') return c.inline === v.v;
      if (t === 'str' && c.f === null) return raw !== null && unescapeX(unescapeXml(fromBytes(raw))) === v.v;
      return false;
    case 'n':
    case 'd':
      if (raw === null || raw.trim() === '') return false;
      if (t === 'n') return Number(raw) === v.v;
      if (t === 'd' && v.t === 'd') return isoToSerial(raw.trim(), env.date1904) === v.v;
      return false;
    case 'b':
      return t === 'b' && raw !== null && (raw.trim() === '1' || raw.trim().toLowerCase() === 'true') === v.v;
  }
}

/** Whether a formula cell's cached result is this value (text as t="str", a number, a boolean). */
export function showsValue(c: CellTok, v: OutValue): boolean {
  if (v === null || c.v === null) return false;
  const raw = unescapeX(unescapeXml(fromBytes(c.v)));
  switch (v.t) {
    case 's':
      return c.t === 'str' && raw === v.v;
    case 'n':
    case 'd':
      return (c.t ?? 'n') === 'n' && raw.trim() !== '' && Number(raw) === v.v;
    case 'b':
      return c.t === 'b' && (raw.trim() === '1' || raw.trim().toLowerCase() === 'true') === v.v;
  }
}

/** Numbers as xsd:double: shortest round-trip form, no -0. */
export function numText(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`${n} is not a number a cell can hold`);
  return n === 0 ? '0' : String(n);
}

/** The cell's type attribute and body (<v>) for a value; the shared string is appended if new. */
export function valueParts(env: CellEnv, v: OutValue, p: string): { t: string | undefined; body: string } {
  if (v === null) return { t: undefined, body: '' };
  switch (v.t) {
    case 's':
      return { t: 's', body: `<${p}v>${env.sst.indexFor(v.v)}</${p}v>` };
    case 'n':
    case 'd':
      return { t: undefined, body: `<${p}v>${numText(v.v)}</${p}v>` };
    case 'b':
      return { t: 'b', body: `<${p}v>${v.v ? 1 : 0}</${p}v>` };
  }
}

/** A new cell. */
export function newCellXml(p: string, ref: string, s: number, t: string | undefined, body: string): string {
  const sa = s ? ` s="${s}"` : '';
  const ta = t ? ` t="${t}"` : '';
  return body === '' ? `<${p}c r="${ref}"${sa}${ta}/>` : `<${p}c r="${ref}"${sa}${ta}>${body}</${p}c>`;
}

/**
 * An existing cell rewritten with a new value and format: its other attributes (ph, custom ones)
 * are kept; cm/vm (rich-value metadata of the old value) go with the old value.
 */
export function rewriteCellXml(p: string, c: CellTok, ref: string, s: number, t: string | undefined, body: string): string {
  let tag = c.openTag;
  if (tag.endsWith('/>')) tag = `${tag.slice(0, -2).trimEnd()}>`;
  if (!c.hasR) tag = setAttr(tag, 'r', ref);
  tag = setAttr(tag, 's', s ? String(s) : undefined);
  tag = setAttr(tag, 't', t);
  tag = setAttr(setAttr(tag, 'cm', undefined), 'vm', undefined);
  return body === '' ? `${tag.slice(0, -1)}/>` : `${tag}${body}</${p}c>`;
}
