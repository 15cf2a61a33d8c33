// The predecessors column as clients write it: "1.2.3", "1.2.3FS+2", "4SS-1", "2fs", several joined by
// commas (、 ; and spaces too). Each item names a task by its WBS code, a link type (FS when absent) and
// a lag in working days. Typing, paste and import read it with parseLinks; the grid shows formatLinks.
import type { ErrorText } from '../errors.js';
import { toHalfWidth } from '../dates.js';

export const LINK_TYPES = ['FS', 'SS', 'FF', 'SF'] as const;
export type LinkType = (typeof LINK_TYPES)[number];

export interface LinkText {
  /** The WBS code (1.2.3) of the predecessor, as written. */
  code: string;
  type: LinkType;
  lagDays: number;
}

/** A failure says what is wrong in English (`message`) and as a key of the UI's serverErrors (`text`). */
export type LinksProblem = { ok: false; message: string; text: ErrorText };
export type ParsedLinks = { ok: true; links: LinkText[] } | LinksProblem;

// code, optional type, optional signed lag with an optional unit: days (2d, 2日, 2 days, 2営業日) or
// weeks of five working days, as MS Project writes a lag (1w, 1 wk, 2 weeks, 1週間). Elapsed days
// (2edays), hours and a percentage of the predecessor (50%) have no exact working-day reading: such a cell
// is not read (and named), the others of the column still are.
// The lag units are listed once: the item's pattern, the week test and the space-joining below use them.
const DAY_UNITS = 'd|days?|日|営業日';
const WEEK_UNITS = 'w|wks?|weeks?|週間?';
const ITEM = new RegExp(`^(\\d+(?:\\.\\d+)*)\\.?(FS|SS|FF|SF)?(?:([+-])(\\d+)(${DAY_UNITS}|${WEEK_UNITS})?)?$`, 'i');
const WEEK = new RegExp(`^(?:${WEEK_UNITS})$`, 'i');
// A space before a link type or a unit (not before a word that merely starts with its letters) belongs to the item.
const SPACE_IN_ITEM = new RegExp(`\\s+(?=(?:FS|SS|FF|SF|(?:${DAY_UNITS}|${WEEK_UNITS})(?![a-z])))`, 'gi');

/** Parses a whole predecessors cell; an empty cell is no links. */
export function parseLinks(text: string): ParsedLinks {
  // Spaces inside an item ("3 FS + 2 日") are dropped first, so the rest may separate items.
  const s = toHalfWidth(text)
    .replace(/[、，;；]/g, ',')
    .replace(/\s*([+-])\s*/g, '$1')
    .replace(SPACE_IN_ITEM, '')
    .trim();
  if (s === '') return { ok: true, links: [] };
  const links: LinkText[] = [];
  const seen = new Set<string>();
  for (const raw of s.split(/[,\s]+/)) {
    const item = raw.trim();
    if (item === '') continue;
    const m = ITEM.exec(item);
    if (!m) return { ok: false, message: `"${item}" is not a predecessor (write 1.2.3, 1.2.3FS+2, 4SS-1)`, text: { key: 'wbs.linkNotLink', params: { item } } };
    const code = m[1]!;
    if (seen.has(code)) return { ok: false, message: `${code} is named twice`, text: { key: 'wbs.linkTwice', params: { code } } };
    seen.add(code);
    const lag = m[4] === undefined ? 0 : Number(m[4]) * (m[5] && WEEK.test(m[5]) ? 5 : 1) * (m[3] === '-' ? -1 : 1);
    links.push({ code, type: (m[2]?.toUpperCase() ?? 'FS') as LinkType, lagDays: lag });
  }
  return { ok: true, links };
}

/** One link as the column shows it: FS without lag is the bare code, as MS Project writes it. */
export function formatLink(l: LinkText): string {
  const lag = l.lagDays === 0 ? '' : l.lagDays > 0 ? `+${l.lagDays}` : String(l.lagDays);
  return l.type === 'FS' && lag === '' ? l.code : `${l.code}${l.type}${lag}`;
}

export function formatLinks(links: readonly LinkText[]): string {
  return links.map(formatLink).join(',');
}

/**
 * How a client's predecessors column writes its links, learned from its cells: a lag's unit (FS+2日,
 * 2FS+3d, +2 days), the separator between links (、 or ", "), and whether codes end with a dot (1.1.,
 * as the code column numbers). A link PMO Desk rewrites is written so (blind set 3, H14).
 */
export interface LinkNotation {
  unit: string;
  sep: string;
  dot: boolean;
}

export const PLAIN_NOTATION: LinkNotation = { unit: '', sep: ',', dot: false };

/** `base`: the column's notation, for what a single cell does not show (a cell of one link has no separator). */
export function learnLinkNotation(cells: readonly string[], dottedCodes: boolean, base: LinkNotation = PLAIN_NOTATION): LinkNotation {
  const lag = cells.map((t) => /[+-]\s*\d+(\s*(?:営業日|日|days?|d))(?![a-z])/i.exec(t)?.[1]).find((u) => u !== undefined);
  const many = cells.find((t) => {
    const p = parseLinks(t);
    return p.ok && p.links.length > 1;
  });
  const sep = many === undefined ? base.sep : many.includes('、') ? '、' : /,\s/.test(many) ? ', ' : ',';
  return { unit: lag ?? base.unit, sep, dot: dottedCodes };
}

/** Links in a client's notation (formatLinks with its unit, separator and code dot). */
export function formatLinksAs(links: readonly LinkText[], n: LinkNotation): string {
  return links
    .map((l) => {
      const lag = l.lagDays === 0 ? '' : `${l.lagDays > 0 ? `+${l.lagDays}` : String(l.lagDays)}${n.unit}`;
      const code = n.dot && /^\d+(\.\d+)*$/.test(l.code) ? `${l.code}.` : l.code;
      return l.type === 'FS' && lag === '' ? code : `${code}${l.type}${lag}`;
    })
    .join(n.sep);
}
