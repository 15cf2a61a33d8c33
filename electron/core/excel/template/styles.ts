// Cell formats (styles.xml cellXfs): which ones show dates, their indent, and clones of a cell's
// format with a date number format or another indent. A clone copies the template cell's <xf>
// (font, fill, border, protection all kept) and changes one thing, so a date written into a text
// column still has the column's look. Clones are appended to cellXfs (existing indexes never move)
// and made once per (format, change).
import { classifyFormat } from '../number-formats.js';
import { attr, escapeXml, setAttr, toBytes, xmlText } from './xml-text.js';

interface Xf {
  /** The <xf …>…</xf> or <xf …/> text (latin1 bytes). */
  xml: string;
  numFmtId: number;
  indent: number;
  fillId: number;
}

/** Excel's built-in short date (yyyy/m/d in Japanese locales, m/d/yyyy in US). */
const DEFAULT_DATE_FMT = 14;

export class Styles {
  private readonly xfs: Xf[] = [];
  private readonly formats = new Map<number, string>();
  /** styles.xml <fills>, each <fill> as written ('' for one that paints nothing: no pattern, or pattern none). */
  private readonly fills: string[] = [];
  private readonly addedXfs: string[] = [];
  private readonly addedFormats: { id: number; code: string }[] = [];
  private readonly clones = new Map<string, number>();
  private cellXfsClose = -1;
  private cellXfsOpen: { start: number; end: number } | null = null;
  private prefix = '';

  constructor(
    private readonly xml: string | null,
    /** The number format for dates written into a cell whose format is not a date (profile's choice). */
    private readonly dateFormat?: string,
  ) {
    if (xml !== null) this.parse(xml);
  }

  private parse(src: string): void {
    for (const m of src.matchAll(/<(?:[A-Za-z_][\w.-]*:)?numFmt\s[^<>]*>/g)) {
      const id = Number(attr(m[0], 'numFmtId'));
      const code = attr(m[0], 'formatCode');
      if (Number.isInteger(id) && code !== undefined) this.formats.set(id, xmlText(code));
    }
    // (Bounded as the cellXfs scan below: a tag stops at the next '<', a fill's body at the next <fill.)
    const fillsOpen = /<([A-Za-z_][\w.-]*:)?fills(?=[\s>])[^<>]*>/.exec(src);
    if (fillsOpen) {
      const fp = fillsOpen[1] ?? '';
      const end = src.indexOf(`</${fp}fills>`, fillsOpen.index);
      const body = src.slice(fillsOpen.index + fillsOpen[0].length, end < 0 ? src.length : end);
      for (const m of body.matchAll(new RegExp(`<${fp}fill(?=[\\s>/])[^<>]*?(?:/>|>(?:(?!<${fp}fill[\\s>/])[\\s\\S])*?</${fp}fill>)`, 'g'))) {
        const pattern = /patternType="([^"<>]*)"/.exec(m[0])?.[1];
        this.fills.push(m[0].includes('gradientFill') || (pattern !== undefined && pattern !== 'none') ? m[0].replace(/\s+/g, ' ') : '');
      }
    }
    const open = /<([A-Za-z_][\w.-]*:)?cellXfs(?=[\s>/])[^<>]*>/.exec(src);
    if (!open) return;
    this.prefix = open[1] ?? '';
    this.cellXfsOpen = { start: open.index, end: open.index + open[0].length };
    if (open[0].endsWith('/>')) {
      this.cellXfsClose = -1;
      return;
    }
    const close = src.indexOf(`</${this.prefix}cellXfs>`, this.cellXfsOpen.end);
    this.cellXfsClose = close;
    const body = src.slice(this.cellXfsOpen.end, close);
    const p = this.prefix;
    const re = new RegExp(`<${p}xf(?=[\\s>/])[^<>]*?(?:/>|>(?:(?!<${p}xf[\\s>/])[\\s\\S])*?</${p}xf>)`, 'g');
    for (const m of body.matchAll(re)) {
      const tag = /^<[^<>]*>/.exec(m[0])![0];
      const al = /<(?:[A-Za-z_][\w.-]*:)?alignment\s[^<>]*>/.exec(m[0]);
      const indent = al ? Number(attr(al[0], 'indent') ?? 0) || 0 : 0;
      this.xfs.push({ xml: m[0], numFmtId: Number(attr(tag, 'numFmtId') ?? 0) || 0, indent, fillId: Number(attr(tag, 'fillId') ?? 0) || 0 });
    }
  }

  get count(): number {
    return this.xfs.length;
  }

  isDate(s: number): boolean {
    const xf = this.xfs[s];
    if (!xf) return false;
    return classifyFormat(xf.numFmtId, this.formats.get(xf.numFmtId)) === 'date';
  }

  /**
   * The fill format `s` paints its cell with, as text ('' for none): two formats that differ only in
   * borders or font paint alike, which is what a hand-painted gantt's bar is told by.
   */
  fillKey(s: number): string {
    return this.fills[this.xfs[s]?.fillId ?? 0] ?? '';
  }

  indentOf(s: number): number {
    return this.xfs[s]?.indent ?? 0;
  }

  /** `s`, or a clone of it whose number format shows a date. */
  withDate(s: number): number {
    if (this.isDate(s)) return s;
    return this.clone(s, 'date', (xf) => {
      const id = this.dateFormatId();
      let tag = /^<[^<>]*>/.exec(xf)![0];
      const rest = xf.slice(tag.length);
      tag = setAttr(setAttr(tag, 'numFmtId', String(id)), 'applyNumberFormat', '1');
      return { xml: tag + rest, numFmtId: id };
    });
  }

  /** `s`, or a clone of it with this alignment indent (0 removes the indent). */
  withIndent(s: number, indent: number): number {
    if (this.indentOf(s) === indent) return s;
    return this.clone(s, `indent${indent}`, (xf) => {
      const p = this.prefix;
      const origTag = /^<[^<>]*>/.exec(xf)![0];
      const selfClosing = origTag.endsWith('/>');
      const tag = setAttr(origTag, 'applyAlignment', '1');
      let body = selfClosing ? '' : xf.slice(origTag.length, xf.lastIndexOf('</'));
      const al = /<([A-Za-z_][\w.-]*:)?alignment(?=[\s>/])[^<>]*?\/?>/.exec(body);
      if (al) {
        let a = setAttr(al[0], 'indent', indent > 0 ? String(indent) : undefined);
        // Excel shows an indent only with left, right or distributed alignment.
        const h = attr(a, 'horizontal');
        if (indent > 0 && (h === undefined || h === 'general' || h === 'center' || h === 'fill' || h === 'centerContinuous' || h === 'justify')) a = setAttr(a, 'horizontal', 'left');
        body = body.slice(0, al.index) + a + body.slice(al.index + al[0].length);
      } else if (indent > 0) body = `<${p}alignment horizontal="left" indent="${indent}"/>${body}`;
      const open = selfClosing ? `${tag.slice(0, -2).trimEnd()}>` : tag;
      return { xml: `${open}${body}</${p}xf>`, numFmtId: this.xfs[s]?.numFmtId ?? 0, indent };
    });
  }

  private clone(s: number, what: string, make: (xf: string) => { xml: string; numFmtId: number; indent?: number }): number {
    const key = `${s}|${what}`;
    const known = this.clones.get(key);
    if (known !== undefined) return known;
    if (this.xml === null || this.cellXfsOpen === null || this.cellXfsClose < 0) throw new Error('the workbook has no cell formats (styles.xml cellXfs) to copy a format from');
    const p = this.prefix;
    const base = this.xfs[s]?.xml ?? this.xfs[0]?.xml ?? `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const made = make(base);
    const i = this.xfs.length;
    this.xfs.push({ xml: made.xml, numFmtId: made.numFmtId, indent: made.indent ?? this.indentOf(s), fillId: this.xfs[s]?.fillId ?? 0 });
    this.addedXfs.push(made.xml);
    this.clones.set(key, i);
    return i;
  }

  private dateFormatId(): number {
    const code = this.dateFormat;
    if (code === undefined || code === '') return DEFAULT_DATE_FMT;
    for (const [id, c] of this.formats) if (c === code) return id;
    const id = Math.max(163, ...this.formats.keys()) + 1;
    this.formats.set(id, code);
    this.addedFormats.push({ id, code });
    return id;
  }

  /** styles.xml with the clones and formats added, or null when nothing was added. */
  serialize(): string | null {
    if (this.addedXfs.length === 0 || this.xml === null || !this.cellXfsOpen) return null;
    const src = this.xml;
    const p = this.prefix;
    const out: string[] = [];
    let at = 0;
    if (this.addedFormats.length > 0) {
      const add = this.addedFormats.map((f) => toBytes(`<${p}numFmt numFmtId="${f.id}" formatCode="${escapeXml(f.code)}"/>`)).join('');
      const nf = /<([A-Za-z_][\w.-]*:)?numFmts(?=[\s>/])[^<>]*>/.exec(src);
      if (nf && !nf[0].endsWith('/>')) {
        const close = src.indexOf(`</${nf[1] ?? ''}numFmts>`, nf.index);
        const n = Number(attr(nf[0], 'count') ?? 0) + this.addedFormats.length;
        out.push(src.slice(0, nf.index), setAttr(nf[0], 'count', String(n)), src.slice(nf.index + nf[0].length, close), add);
        at = close;
      } else {
        // numFmts is the first child of styleSheet.
        const root = /<([A-Za-z_][\w.-]*:)?styleSheet(?=[\s>])[^<>]*>/.exec(src)!;
        const insertAt = nf ? nf.index : root.index + root[0].length;
        out.push(src.slice(0, insertAt), `<${p}numFmts count="${this.addedFormats.length}">${add}</${p}numFmts>`);
        at = nf ? nf.index + nf[0].length : insertAt;
      }
    }
    const open = src.slice(this.cellXfsOpen.start, this.cellXfsOpen.end);
    const total = this.xfs.length;
    out.push(src.slice(at, this.cellXfsOpen.start), setAttr(open, 'count', String(total)), src.slice(this.cellXfsOpen.end, this.cellXfsClose), this.addedXfs.join(''), src.slice(this.cellXfsClose));
    return out.join('');
  }
}
