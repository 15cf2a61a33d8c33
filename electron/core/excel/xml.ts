// A small XML scanner for the parts of SpreadsheetML we read. The part is scanned as a latin1 string
// of its UTF-8 bytes (one byte per character, so a 10 MB sheet stays a 10 MB string and offsets equal
// byte offsets); text and non-ASCII attribute values are decoded as UTF-8 from the bytes when needed.
// It expands only the five predefined entities and character references, and refuses any DTD
// (<!DOCTYPE, <!ENTITY): Excel never writes one, and entity tricks (billion laughs, external
// entities) need one. Attributes land in objects without a prototype, so a `__proto__` attribute is
// just a name; they are decoded only when asked for. Namespace prefixes are dropped (x:row → row,
// r:id → id).
import { refuse } from './errors.js';

export type Attrs = Record<string, string>;

/**
 * The attributes of the tag being opened, read on demand (no object per tag): valid only during the
 * open() call that receives it.
 */
export class AttrReader {
  /** Per attribute: [nameStart, nameEnd, valueStart, valueEnd] in the source (local name only). */
  readonly spans: number[] = [];
  count = 0;
  constructor(private readonly x: XmlSource) {}

  get(name: string): string | undefined {
    const { src } = this.x;
    for (let k = 0; k < this.count; k++) {
      const ns = this.spans[4 * k]!;
      const ne = this.spans[4 * k + 1]!;
      if (ne - ns === name.length && src.startsWith(name, ns)) return textOf(this.x, this.spans[4 * k + 2]!, this.spans[4 * k + 3]!);
    }
    return undefined;
  }

  /** Every attribute, in an object without a prototype. */
  all(): Attrs {
    const out = Object.create(null) as Attrs;
    for (let k = 0; k < this.count; k++) out[this.x.src.slice(this.spans[4 * k]!, this.spans[4 * k + 1]!)] = textOf(this.x, this.spans[4 * k + 2]!, this.spans[4 * k + 3]!);
    return out;
  }
}

export interface XmlHandler {
  open(name: string, attrs: AttrReader): void;
  close(name: string): void;
  /** Character data between tags: [start, end) offsets into the source; `cdata` is raw text. */
  text?(start: number, end: number, cdata: boolean): void;
  /**
   * Asked after open() of a tag that has content (not a self-closing one), with where the content
   * starts: where the scan goes on. A handler that has read the element itself answers past its end;
   * `after` as it is to scan its content.
   */
  resume?(after: number): number;
}

export interface XmlSource {
  /** The part's bytes as latin1 (one char per byte). */
  src: string;
  bytes: Buffer;
  /** Part name, for messages. */
  part: string;
  /** Where it is as the UI names it (a sheet, Sheet1; else the part's path). */
  at: string;
  fileName: string;
}

export function xmlSource(bytes: Buffer, part: string, fileName: string, at = part): XmlSource {
  let b = bytes;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
  else if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) {
    // UTF-16 parts are allowed by OOXML, though Excel writes UTF-8: re-encode once.
    const le = b[0] === 0xff;
    const text = new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(b.subarray(2));
    b = Buffer.from(text.replace(/^<\?xml[^>]*\?>/, ''), 'utf8');
  }
  // The text is made on first use: a sheet refused from its last row (parse-xlsx.ts) never needs it,
  // and for the 200,000-row bench file it is 46 MB beside the 46 MB of bytes.
  let src: string | undefined;
  return {
    get src() {
      return (src ??= b.toString('latin1'));
    },
    bytes: b,
    part,
    at,
    fileName,
  };
}

// The element names of the hot parts, handed out as constants instead of a new string per tag.
const KNOWN = ['c', 'v', 'row', 'f', 't', 'is', 'r', 'si', 'rPh', 'rPr', 'xf', 'sheetData', 'mergeCell', 'alignment', 'numFmt'];

/** The local name of the tag name in src[start, end), without allocating for the common ones. */
function nameAt(src: string, start: number, end: number): string {
  let from = start;
  for (let k = start; k < end; k++)
    if (src.charCodeAt(k) === 58) {
      from = k + 1;
      break;
    }
  const len = end - from;
  for (const known of KNOWN) if (known.length === len && src.startsWith(known, from)) return known;
  return src.slice(from, end);
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Expands the predefined entities and character references; anything else stays as written. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,4});/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : '\ufffd';
    }
    return PREDEFINED[ref] ?? whole;
  });
}

/** UTF-8 text of [start, end), entities expanded. */
export function textOf(x: XmlSource, start: number, end: number, cdata = false): string {
  let ascii = true;
  for (let i = start; i < end; i++)
    if (x.src.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  let raw = ascii ? x.src.slice(start, end) : x.bytes.toString('utf8', start, end);
  // XML end-of-line handling: a literal CR LF or CR is read as LF (a CR written as &#13; or
  // _x000D_ stays a CR).
  if (raw.includes('\r')) raw = raw.replace(/\r\n?/g, '\n');
  return cdata ? raw : decodeEntities(raw);
}

const isSpace = (ch: number) => ch === 32 || ch === 10 || ch === 13 || ch === 9;

/**
 * Scans the part, or its range [from, to) when the caller reads what lies between by other means (the
 * sheet reader's data rows): the range starts and ends between tags.
 */
export function scanXml(x: XmlSource, h: XmlHandler, from = 0, to?: number): void {
  const { src } = x;
  const n = to ?? src.length;
  const broken = (what: string): never => refuse(x.fileName, 'DAMAGED', `the file is damaged (${x.part}: ${what})`, x.at);
  const attrs = new AttrReader(x);
  let i = from;
  while (i < n) {
    const lt = src.indexOf('<', i);
    if (lt < 0 || lt >= n) {
      h.text?.(i, n, false);
      return;
    }
    if (lt > i) h.text?.(i, lt, false);
    const c1 = src.charCodeAt(lt + 1);
    if (c1 === 47) {
      // </name>
      const gt = src.indexOf('>', lt);
      if (gt < 0) broken('an end tag is cut off');
      let e = gt;
      while (e > lt + 2 && isSpace(src.charCodeAt(e - 1))) e--;
      h.close(nameAt(src, lt + 2, e));
      i = gt + 1;
      continue;
    }
    if (c1 === 63) {
      const end = src.indexOf('?>', lt);
      if (end < 0) broken('a processing instruction is cut off');
      i = end + 2;
      continue;
    }
    if (c1 === 33) {
      if (src.startsWith('<!--', lt)) {
        const end = src.indexOf('-->', lt + 4);
        if (end < 0) broken('a comment is cut off');
        i = end + 3;
        continue;
      }
      if (src.startsWith('<![CDATA[', lt)) {
        const end = src.indexOf(']]>', lt + 9);
        if (end < 0) broken('a CDATA section is cut off');
        h.text?.(lt + 9, end, true);
        i = end + 3;
        continue;
      }
      refuse(x.fileName, 'UNSAFE', `contains an XML document type or entity declaration (${x.part}); PMO Desk does not read those`, x.at);
    }
    // <name attr="v" …> or <name …/>
    let j = lt + 1;
    while (j < n) {
      const ch = src.charCodeAt(j);
      if (isSpace(ch) || ch === 62 || ch === 47) break;
      j++;
    }
    if (j === lt + 1) broken('a tag has no name');
    const name = nameAt(src, lt + 1, j);
    attrs.count = 0;
    let selfClosing = false;
    for (;;) {
      while (j < n && isSpace(src.charCodeAt(j))) j++;
      if (j >= n) broken(`the tag <${name}> is cut off`);
      const ch = src.charCodeAt(j);
      if (ch === 62) {
        j++;
        break;
      }
      if (ch === 47) {
        if (src.charCodeAt(j + 1) !== 62) broken(`the tag <${name}> is malformed`);
        selfClosing = true;
        j += 2;
        break;
      }
      const eq = src.indexOf('=', j);
      if (eq < 0) broken(`the tag <${name}> is malformed`);
      let ne = eq;
      while (ne > j && isSpace(src.charCodeAt(ne - 1))) ne--;
      let ns = ne;
      while (ns > j && src.charCodeAt(ns - 1) !== 58) ns--; // after a prefix's colon, if any
      if (ns === j || ns === ne) ns = j;
      let q = eq + 1;
      while (q < n && isSpace(src.charCodeAt(q))) q++;
      const quote = src[q];
      if (quote !== '"' && quote !== "'") broken(`an attribute of <${name}> is not quoted`);
      const end = src.indexOf(quote as string, q + 1);
      if (end < 0) broken(`an attribute of <${name}> is cut off`);
      const at = 4 * attrs.count++;
      attrs.spans[at] = ns;
      attrs.spans[at + 1] = ne;
      attrs.spans[at + 2] = q + 1;
      attrs.spans[at + 3] = end;
      j = end + 1;
    }
    h.open(name, attrs);
    if (selfClosing) h.close(name);
    i = !selfClosing && h.resume ? h.resume(j) : j;
  }
}

/** All elements of one name with their attributes (small parts: workbook, rels, content types). */
export function elements(x: XmlSource, name: string): Attrs[] {
  const out: Attrs[] = [];
  scanXml(x, { open: (n, a) => n === name && out.push(a.all()), close: () => {} });
  return out;
}
