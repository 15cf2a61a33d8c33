// Workbook-level pieces: where the shared strings and styles live (and creating the shared-string
// part when a template has none), the recalculation flag, and defined names as addresses.
import type { Package } from './package.js';
import { parseA1 } from './refs.js';
import { attr, setAttr, xmlText } from './xml-text.js';

const SST_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml';

export function partOfType(pkg: Package, type: string, fallback: string): string | null {
  const rel = pkg.rels(pkg.workbookPart).find((r) => r.type === type && !r.external);
  if (rel && pkg.has(rel.target)) return rel.target;
  return pkg.has(fallback) ? fallback : null;
}

/** Stores the shared-string part: replaced in place, or created with its content type and relationship. */
export function storeSharedStrings(pkg: Package, part: string | null, xml: string): void {
  if (part !== null) {
    pkg.write(part, xml);
    return;
  }
  const folder = pkg.workbookPart.includes('/') ? pkg.workbookPart.slice(0, pkg.workbookPart.lastIndexOf('/') + 1) : '';
  let name = `${folder}sharedStrings.xml`;
  for (let n = 2; pkg.has(name); n++) name = `${folder}sharedStrings${n}.xml`;
  pkg.add(name, xml);
  pkg.addContentType(name, SST_TYPE);
  pkg.addRel(pkg.workbookPart, 'sharedStrings', name.slice(folder.length));
}

// calcPr's place among workbook's children (CT_Workbook sequence): before these.
const AFTER_CALC = ['oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];

/** Asks Excel (and LibreOffice) to recalculate every formula when the file is opened. */
export function setFullCalcOnLoad(pkg: Package): void {
  const xml = pkg.read(pkg.workbookPart)!;
  const calc = /<(?:[A-Za-z_][\w.-]*:)?calcPr(?=[\s/>])[^<>]*>/.exec(xml);
  if (calc) {
    if (attr(calc[0], 'fullCalcOnLoad') === '1') return;
    pkg.write(pkg.workbookPart, xml.slice(0, calc.index) + setAttr(calc[0], 'fullCalcOnLoad', '1') + xml.slice(calc.index + calc[0].length));
    return;
  }
  const root = /<([A-Za-z_][\w.-]*:)?workbook(?=[\s>])/.exec(xml);
  const p = root?.[1] ?? '';
  let at = -1;
  for (const name of AFTER_CALC) {
    const m = new RegExp(`<${p}${name}(?=[\\s/>])`).exec(xml);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = xml.lastIndexOf(`</${p}workbook`);
  if (at < 0) return;
  pkg.write(pkg.workbookPart, `${xml.slice(0, at)}<${p}calcPr fullCalcOnLoad="1"/>${xml.slice(at)}`);
}

export interface NamedTarget {
  sheet: string;
  /** 'B3' or 'B3:D5', without '$'. */
  ref: string;
}

/** A defined name as the workbook holds it: its texts by scope (localSheetId), in document order. */
interface DefinedName {
  name: string;
  global: string | null;
  locals: [scope: number, text: string][];
}

const namesRead = new WeakMap<Package, { xml: string; names: Map<string, DefinedName> }>();

/**
 * Every defined name of the workbook, by upper-cased name, read in one pass and kept for the package
 * while its workbook part is unchanged: a lookup per name over the whole part made a workbook of
 * 80,000 names quadratic (sheetPreview lists them all).
 */
export function definedNames(pkg: Package): Map<string, DefinedName> {
  const xml = pkg.read(pkg.workbookPart)!;
  const kept = namesRead.get(pkg);
  if (kept?.xml === xml) return kept.names;
  const names = new Map<string, DefinedName>();
  for (const m of xml.matchAll(/<((?:[A-Za-z_][\w.-]*:)?)definedName(?=[\s>])([^<>]*)>([^<]*)<\/\1definedName>/g)) {
    const tag = `<x ${m[2]}>`;
    const name = xmlText(attr(tag, 'name') ?? '');
    const key = name.toLocaleUpperCase('en-US');
    const entry = names.get(key) ?? { name, global: null, locals: [] };
    names.set(key, entry);
    const text = xmlText(m[3]!).trim();
    const scope = attr(tag, 'localSheetId');
    if (scope === undefined) entry.global = text;
    else entry.locals.push([Number(scope), text]);
  }
  namesRead.set(pkg, { xml, names });
  return names;
}

/**
 * A defined name → the sheet and cell (or range) it points at; null when there is no such name or it
 * is not one plain reference (a formula, several areas, another workbook). A name scoped to `sheet`
 * wins over a workbook-wide one of the same name.
 */
export function definedNameTarget(pkg: Package, name: string, sheet?: string): NamedTarget | null {
  const entry = definedNames(pkg).get(name.toLocaleUpperCase('en-US'));
  if (!entry) return null;
  const want = sheet?.toLocaleUpperCase('en-US');
  const local =
    want !== undefined
      ? (entry.locals.filter(([scope]) => pkg.sheets[scope]?.name.toLocaleUpperCase('en-US') === want).at(-1)?.[1] ?? null)
      : (entry.locals[0]?.[1] ?? null);
  const text = (sheet !== undefined ? (local ?? entry.global) : (entry.global ?? local))?.replace(/^=/, '');
  if (!text) return null;
  const m = /^(?:'((?:[^']|'')+)'|([^'!:[\]]+))!(\$?[A-Za-z]{1,3}\$?\d{1,7}(?::\$?[A-Za-z]{1,3}\$?\d{1,7})?)$/.exec(text);
  if (!m) return null;
  const sheetName = m[1] !== undefined ? m[1].replaceAll("''", "'") : m[2]!;
  const ref = m[3]!.replaceAll('$', '');
  const [a, b] = ref.split(':');
  if (!parseA1(a!) || (b !== undefined && !parseA1(b))) return null;
  return { sheet: sheetName, ref };
}
