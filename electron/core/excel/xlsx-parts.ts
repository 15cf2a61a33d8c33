// The pieces of a workbook PMO Desk writes from nothing as XML (its own register layout, the weekly
// status report): cell styles as indexes into a small table interned as cells ask for them, text in the
// shared strings, cell references made once per column. Sheets are written row by row into the zip
// (zip-build.ts), so a workbook never exists as objects per cell: ExcelJS's took 750 MB for a 10,000-task
// WBS and most of a 20-project report's memory and time.
import { columnName } from '../../common/excel/model.js';
import { escapeSharedText, escapeXml } from './template/xml-text.js';
import type { PartWriter, ZipBuilder } from './zip-build.js';

export const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** The yyyy/mm/dd number format's id in every such workbook's styles. */
export const DATE_FMT = 164;

/** A cell format: the font, fill and border (indexes of the style sheet's lists), number format, alignment. */
export interface Xf {
  font: number;
  fill?: number;
  border?: number;
  numFmt?: number;
  h?: 'left' | 'center' | 'right';
  v?: 'top' | 'center';
  wrap?: boolean;
  indent?: number;
}

/** XML snippets numbered in order of first use (fonts, fills, borders of the style sheet). */
class Interned {
  private readonly index = new Map<string, number>();
  constructor(readonly list: string[]) {
    list.forEach((x, i) => this.index.set(x, i));
  }
  get(xml: string): number {
    let i = this.index.get(xml);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(xml);
      this.index.set(xml, i);
    }
    return i;
  }
}

/** The style sheet: fonts, fills and borders given first keep their indexes (0, 2 and 1 onwards). */
export class Styles {
  private readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly index = new Map<string, number>();
  private readonly fonts: Interned;
  private readonly fills: Interned;
  private readonly borders: Interned;

  constructor(fonts: string[], fills: string[] = [], borders: string[] = []) {
    this.fonts = new Interned(fonts);
    this.fills = new Interned(['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>', ...fills]);
    this.borders = new Interned([borderXml({}), ...borders]);
  }

  font(xml: string): number {
    return this.fonts.get(xml);
  }
  fill(xml: string): number {
    return this.fills.get(xml);
  }
  border(xml: string): number {
    return this.borders.get(xml);
  }

  get(x: Xf): number {
    const key = `${x.font}|${x.fill ?? 0}|${x.border ?? 0}|${x.numFmt ?? 0}|${x.h ?? ''}|${x.v ?? ''}|${x.wrap ? 1 : 0}|${x.indent ?? 0}`;
    let i = this.index.get(key);
    if (i === undefined) {
      const align = x.h || x.v || x.wrap || x.indent
        ? `<alignment${x.h ? ` horizontal="${x.h}"` : ''}${x.v ? ` vertical="${x.v}"` : ''}${x.wrap ? ' wrapText="1"' : ''}${x.indent ? ` indent="${x.indent}"` : ''}/>`
        : '';
      const attrs = `numFmtId="${x.numFmt ?? 0}" fontId="${x.font}" fillId="${x.fill ?? 0}" borderId="${x.border ?? 0}" xfId="0"${x.numFmt ? ' applyNumberFormat="1"' : ''} applyFont="1"${x.fill ? ' applyFill="1"' : ''}${x.border ? ' applyBorder="1"' : ''}${align ? ' applyAlignment="1"' : ''}`;
      i = this.xfs.length;
      this.xfs.push(align ? `<xf ${attrs}>${align}</xf>` : `<xf ${attrs}/>`);
      this.index.set(key, i);
    }
    return i;
  }

  xml(): string {
    return `${XML_DECL}<styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="${DATE_FMT}" formatCode="yyyy/mm/dd"/></numFmts>`
      + `<fonts count="${this.fonts.list.length}">${this.fonts.list.join('')}</fonts>`
      + `<fills count="${this.fills.list.length}">${this.fills.list.join('')}</fills>`
      + `<borders count="${this.borders.list.length}">${this.borders.list.join('')}</borders>`
      + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
      + `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>`
      + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
  }
}

export function fontXml(name: string, size: number, bold = false, color = ''): string {
  return `<font>${bold ? '<b/>' : ''}<sz val="${size}"/>${color ? `<color rgb="${color}"/>` : ''}<name val="${escapeXml(name)}"/><family val="3"/><charset val="128"/></font>`;
}

export function solidFill(argb: string): string {
  return `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/><bgColor indexed="64"/></patternFill></fill>`;
}

export function borderXml(b: { all?: string; bottom?: string; left?: string }): string {
  const side = (tag: string, color: string | undefined, style = 'thin') => (color ? `<${tag} style="${style}"><color rgb="${color}"/></${tag}>` : `<${tag}/>`);
  if (b.all) return `<border>${side('left', b.all)}${side('right', b.all)}${side('top', b.all)}${side('bottom', b.all)}<diagonal/></border>`;
  return `<border>${side('left', b.left, 'medium')}<right/><top/>${side('bottom', b.bottom)}<diagonal/></border>`;
}

export class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  private count = 0;
  get(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(text);
      this.index.set(text, i);
    }
    return i;
  }
  write(w: PartWriter): void {
    w.write(`${XML_DECL}<sst xmlns="${NS}" count="${this.count}" uniqueCount="${this.list.length}">`);
    for (const t of this.list) w.write(`<si><t xml:space="preserve">${escapeSharedText(t)}</t></si>`);
    w.write('</sst>');
    w.end();
  }
}

/** yyyy-mm-dd → its serial day number (1900 date system). */
export function serial(iso: string): number | null {
  // Read digit by digit, not by a regular expression: a 10,000-task WBS has 40,000 dates, and the match
  // arrays were a tenth of its export's sheet writing.
  if (iso.length < 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return null;
  const y = digits(iso, 0, 4);
  const m = digits(iso, 5, 2);
  const d = digits(iso, 8, 2);
  if (y < 0 || m < 0 || d < 0) return null;
  return Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;
}

/** The number written by `n` ASCII digits of `s` from `at`; -1 if one is not a digit. */
function digits(s: string, at: number, n: number): number {
  let v = 0;
  for (let k = at; k < at + n; k++) {
    const c = s.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

// Column letters made once per column, not once per cell: a 100,000-task WBS with its gantt band writes
// ~9 million cells.
const columnNames: string[] = [];
/** The letters of a 0-based column. */
export const colName = (c: number) => (columnNames[c] ??= columnName(c));
/** A1 reference of a 0-based column and a 1-based row. */
export const ref = (c: number, r: number) => colName(c) + r;

/**
 * The package parts every workbook PMO Desk writes itself carries alike: the workbook's relationships
 * (its sheets, then styles and shared strings), the package's own, and the document properties.
 */
export function addPackageParts(zip: ZipBuilder, sheetCount: number, title?: string): void {
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${NS_R}/${type}" Target="${target}"/>`;
  zip.add(
    'xl/_rels/workbook.xml.rels',
    `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
      + Array.from({ length: sheetCount }, (_, i) => rel(`rId${i + 1}`, 'worksheet', `worksheets/sheet${i + 1}.xml`)).join('')
      + rel(`rId${sheetCount + 1}`, 'styles', 'styles.xml')
      + rel(`rId${sheetCount + 2}`, 'sharedStrings', 'sharedStrings.xml')
      + '</Relationships>',
  );
  zip.add(
    '_rels/.rels',
    `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'officeDocument', 'xl/workbook.xml')}<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
  );
  zip.add(
    'docProps/core.xml',
    `${XML_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">${title === undefined ? '' : `<dc:title>${escapeXml(title)}</dc:title>`}<dc:creator>PMO Desk</dc:creator></cp:coreProperties>`,
  );
}
