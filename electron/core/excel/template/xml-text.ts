// Text helpers for splicing XML parts. Every part is handled as a latin1 string of its UTF-8 bytes
// (one character per byte, like ../xml.ts): offsets are byte offsets, unchanged stretches go back out
// byte for byte, and only the text we write is converted (utf8 → latin1 "byte string").

/** A JS string → the latin1 "byte string" of its UTF-8 encoding. */
export function toBytes(s: string): string {
  // Fast path: ASCII is its own UTF-8.
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return Buffer.from(s, 'utf8').toString('latin1');
  return s;
}

/** A latin1 "byte string" of UTF-8 → the JS string it encodes. */
export function fromBytes(b: string): string {
  for (let i = 0; i < b.length; i++) if (b.charCodeAt(i) > 0x7f) return Buffer.from(b, 'latin1').toString('utf8');
  return b;
}

/**
 * The text an element or attribute of a part holds (a latin1 byte string of escaped UTF-8) as a JS
 * string: bytes decoded first, then entities, so a character reference (&#23436; as openpyxl writes
 * 完) is one character and not a byte among the UTF-8 ones (blind set 3, H16).
 */
export function xmlText(bytes: string): string {
  return unescapeXml(fromBytes(bytes));
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Expands the predefined entities and character references (the only ones Excel's parts use). */
export function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,4});/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
    }
    return PREDEFINED[ref] ?? whole;
  });
}

/** Escapes element text or an attribute value (quotes too, so one function serves both). */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/**
 * Text for a shared string's <t>: XML-escaped, and ECMA-376's _xHHHH_ escape for characters XML 1.0
 * cannot carry (controls) and for CR (a literal CR would be read back as LF). A literal "_x0041_" in
 * the text is protected by escaping its underscore, as Excel does.
 */
// Characters that need any of the escapes below (controls, CR, _x…_, surrogates, XML specials).
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[\u0000-\u0008\u000b-\u001f&<>"_\ud800-\udfff\ufffe\uffff]/;

export function escapeSharedText(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  let out = s.replace(/_x[0-9A-Fa-f]{4}_/g, (m) => `_x005F${m}`);
  // eslint-disable-next-line no-control-regex
  out = out.replace(/[\u0000-\u0008\u000b\u000c\u000d\u000e-\u001f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
  // Lone surrogates cannot be encoded in UTF-8: replace them rather than write U+FFFD silently later.
  out = out.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  return escapeXml(out);
}

/** ECMA-376's _xHHHH_ escapes back to characters. */
export function unescapeX(s: string): string {
  return s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}

/** The namespace prefix ("x:" or "") an element is written with, read from the tag found at `at`. */
export function prefixAt(src: string, at: number): string {
  const m = /^<([A-Za-z_][\w.-]*:)?/.exec(src.slice(at, at + 64));
  return m?.[1] ?? '';
}

/** Attribute spans of one open tag's text (`<c r="A1" s="2">`): name (with prefix), value (raw). */
export interface AttrSpan {
  name: string;
  value: string;
  /** Offsets of the whole `name="value"` inside the tag text. */
  start: number;
  end: number;
}

const ATTR = /(?<=[\s"'])([^\s=/<>"']+)\s*=\s*("([^"]*)"|'([^']*)')/g;

export function attrsOf(tag: string): AttrSpan[] {
  const out: AttrSpan[] = [];
  // Skip the element name.
  const nameEnd = tag.search(/[\s/>]/);
  ATTR.lastIndex = nameEnd < 0 ? tag.length : nameEnd;
  for (let m = ATTR.exec(tag); m; m = ATTR.exec(tag)) out.push({ name: m[1]!, value: m[3] ?? m[4] ?? '', start: m.index, end: m.index + m[0].length });
  return out;
}

/** The raw (still escaped) value of an attribute in an open tag's text, by local name. */
export function attr(tag: string, local: string): string | undefined {
  for (const a of attrsOf(tag)) if (a.name === local || a.name.endsWith(`:${local}`)) return a.value;
  return undefined;
}

/**
 * The open tag with one attribute set (value already escaped) or removed (undefined); other
 * attributes keep their bytes and order. A new attribute goes last.
 */
export function setAttr(tag: string, local: string, value: string | undefined): string {
  for (const a of attrsOf(tag)) {
    if (a.name !== local) continue;
    if (value === undefined) {
      // Remove with the whitespace before it.
      let s = a.start;
      while (s > 0 && /\s/.test(tag[s - 1]!)) s--;
      return tag.slice(0, s) + tag.slice(a.end);
    }
    return `${tag.slice(0, a.start)}${local}="${value}"${tag.slice(a.end)}`;
  }
  if (value === undefined) return tag;
  const close = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  let at = close;
  while (at > 0 && /\s/.test(tag[at - 1]!)) at--;
  return `${tag.slice(0, at)} ${local}="${value}"${tag.slice(at)}`;
}

/** Finds the element <prefix:local …> (first at or after `from`); returns its open tag span. */
export function findOpen(src: string, local: string, from = 0, to = src.length): { start: number; end: number; selfClosing: boolean; prefix: string } | null {
  const re = new RegExp(`<([A-Za-z_][\\w.-]*:)?${local}(?=[\\s/>])`, 'g');
  re.lastIndex = from;
  const m = re.exec(src);
  if (!m || m.index >= to) return null;
  const gt = tagEnd(src, m.index);
  return { start: m.index, end: gt, selfClosing: src.charCodeAt(gt - 2) === 47, prefix: m[1] ?? '' };
}

/** The offset just past the `>` of the tag starting at `lt` (quotes in attribute values respected). */
export function tagEnd(src: string, lt: number): number {
  let q = 0;
  for (let i = lt + 1; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (q) {
      if (c === q) q = 0;
    } else if (c === 34 || c === 39) q = c;
    else if (c === 62) return i + 1;
  }
  return src.length;
}

/** The offset just past `</prefix:local>` closing the element whose open tag ends at `openEnd`. */
export function closeEnd(src: string, local: string, prefix: string, openEnd: number): number {
  const close = `</${prefix}${local}>`;
  const i = src.indexOf(close, openEnd);
  if (i >= 0) return i + close.length;
  // A close tag written with whitespace (`</c >`) is legal: fall back to a pattern.
  const re = new RegExp(`</${prefix}${local}\\s*>`, 'g');
  re.lastIndex = openEnd;
  const m = re.exec(src);
  return m ? m.index + m[0].length : -1;
}

/** One element <prefix:local>…</prefix:local> or <…/> at or after `from`: its span and inner span. */
export function findElement(src: string, local: string, from = 0, to = src.length): { start: number; end: number; innerStart: number; innerEnd: number; openTag: string; prefix: string } | null {
  const o = findOpen(src, local, from, to);
  if (!o) return null;
  if (o.selfClosing) return { start: o.start, end: o.end, innerStart: o.end, innerEnd: o.end, openTag: src.slice(o.start, o.end), prefix: o.prefix };
  const end = closeEnd(src, local, o.prefix, o.end);
  if (end < 0) return null;
  const innerEnd = src.lastIndexOf('</', end - 1);
  return { start: o.start, end, innerStart: o.end, innerEnd, openTag: src.slice(o.start, o.end), prefix: o.prefix };
}

/** Builds a string from an original and sorted, non-overlapping replacements. */
export class Splicer {
  private readonly edits: { start: number; end: number; text: string }[] = [];
  constructor(private readonly src: string) {}
  replace(start: number, end: number, text: string): void {
    this.edits.push({ start, end, text });
  }
  insert(at: number, text: string): void {
    this.edits.push({ start: at, end: at, text });
  }
  get changed(): boolean {
    return this.edits.length > 0;
  }
  toString(): string {
    if (this.edits.length === 0) return this.src;
    // At one offset, inserts go before a replacement starting there (a new cell B16 goes in front of
    // the D16 being rewritten); a stable sort keeps inserts at one offset in the order they were made.
    const isInsert = (e: { start: number; end: number }) => (e.end === e.start ? 0 : 1);
    const edits = this.edits.map((e, i) => ({ ...e, i })).sort((a, b) => a.start - b.start || isInsert(a) - isInsert(b) || a.i - b.i);
    const out: string[] = [];
    let at = 0;
    for (const e of edits) {
      if (e.start < at) throw new Error(`overlapping edits at ${e.start}`);
      out.push(this.src.slice(at, e.start), e.text);
      at = e.end;
    }
    out.push(this.src.slice(at));
    return out.join('');
  }
}

/** Escapes element text (& < >); quotes stay as they are. */
export function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}
