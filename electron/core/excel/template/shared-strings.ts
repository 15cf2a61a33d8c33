// The shared-string table: read (to compare what a cell holds with what we would write) and
// appended to. Existing <si> entries are never rewritten or reordered, so every index a cell already
// uses stays valid and the part's existing bytes stay as they were; new strings go before </sst>.
// A new text reuses an existing plain (unformatted) entry with the same text; a rich-text entry is
// not reused, since its runs carry fonts the new cell should not get.
import { escapeSharedText, fromBytes, toBytes, unescapeX, unescapeXml } from './xml-text.js';

const SST_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

export class SharedStrings {
  private texts: string[] | null = null;
  /** Text → index, for plain entries and the ones we add. */
  private index: Map<string, number> | null = null;
  private readonly addedXml: string[] = [];
  private prefix = '';
  /** References written minus references overwritten, for the count attribute. */
  refDelta = 0;

  /** `xml`: the part as a latin1 byte string, or null when the workbook has none yet. */
  constructor(private readonly xml: string | null) {}

  get added(): number {
    return this.addedXml.length;
  }

  private load(): void {
    if (this.texts) return;
    this.texts = [];
    this.index = new Map();
    const src = this.xml;
    if (src === null) return;
    const root = /<([A-Za-z_][\w.-]*:)?sst[\s>/]/.exec(src);
    this.prefix = root?.[1] ?? '';
    const open = `<${this.prefix}si`;
    const close = `</${this.prefix}si>`;
    let at = src.indexOf(open, root ? root.index : 0);
    while (at >= 0) {
      const after = src.charCodeAt(at + open.length);
      if (after !== 62 && after !== 32 && after !== 47 && after !== 9 && after !== 10 && after !== 13) {
        at = src.indexOf(open, at + 1); // <sis…> is not <si>
        continue;
      }
      const gt = src.indexOf('>', at);
      if (src.charCodeAt(gt - 1) === 47) {
        this.push('', true);
        at = src.indexOf(open, gt);
        continue;
      }
      const end = src.indexOf(close, gt);
      if (end < 0) break;
      const inner = src.slice(gt + 1, end);
      this.push(...textOfSi(inner, this.prefix));
      at = src.indexOf(open, end + close.length);
    }
  }

  private push(text: string, plain: boolean): void {
    const i = this.texts!.length;
    this.texts!.push(text);
    if (plain && !this.index!.has(text)) this.index!.set(text, i);
  }

  /** The text of entry i (rich runs joined, furigana left out); undefined past the end. */
  text(i: number): string | undefined {
    this.load();
    return this.texts![i];
  }

  /** The index of a plain entry holding `text`, appending one when there is none. */
  indexFor(text: string): number {
    this.load();
    const found = this.index!.get(text);
    if (found !== undefined) return found;
    const i = this.texts!.length;
    this.texts!.push(text);
    this.index!.set(text, i);
    const esc = escapeSharedText(text);
    const space = /^\s|\s$|\n|\t/.test(text) ? ' xml:space="preserve"' : '';
    const p = this.prefix;
    // Kept as JS text; converted to UTF-8 bytes once, in serialize().
    this.addedXml.push(`<${p}si><${p}t${space}>${esc}</${p}t></${p}si>`);
    return i;
  }

  /** The part with the new entries, or null when nothing was added. */
  serialize(): string | null {
    if (this.addedXml.length === 0) return null;
    this.load();
    const unique = this.texts!.length;
    const src = this.xml;
    if (src === null) {
      const count = Math.max(unique, this.refDelta);
      return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<sst xmlns="${SST_NS}" count="${count}" uniqueCount="${unique}">${toBytes(this.addedXml.join(''))}</sst>`;
    }
    const root = /<([A-Za-z_][\w.-]*:)?sst(?=[\s>/])/.exec(src);
    if (!root) throw new Error('the shared strings part has no <sst> element');
    const gt = src.indexOf('>', root.index);
    let open = src.slice(root.index, gt + 1);
    const selfClosing = open.endsWith('/>');
    const countM = /\scount\s*=\s*["'](\d+)["']/.exec(open);
    if (countM) open = open.replace(/(\scount\s*=\s*["'])\d+/, `$1${Math.max(unique, Number(countM[1]) + this.refDelta)}`);
    if (/\suniqueCount\s*=/.test(open)) open = open.replace(/(\suniqueCount\s*=\s*["'])\d+/, `$1${unique}`);
    const body = toBytes(this.addedXml.join(''));
    if (selfClosing) {
      const p = root[1] ?? '';
      return `${src.slice(0, root.index)}${open.slice(0, -2).trimEnd()}>${body}</${p}sst>${src.slice(gt + 1)}`;
    }
    const closeAt = src.lastIndexOf(`</${root[1] ?? ''}sst`);
    if (closeAt < 0) throw new Error('the shared strings part is cut off');
    return `${src.slice(0, root.index)}${open}${src.slice(gt + 1, closeAt)}${body}${src.slice(closeAt)}`;
  }
}

/** The text of one <si>'s inner XML and whether it is plain (a single <t>, no runs, no furigana). */
function textOfSi(inner: string, p: string): [string, boolean] {
  const plain = !inner.includes(`<${p}r>`) && !inner.includes(`<${p}r `) && !inner.includes(`<${p}rPh`);
  // Furigana (<rPh>) is reading aid, not text.
  const body = inner.includes('rPh') ? inner.replace(new RegExp(`<${p}rPh[\\s>](?:(?!<${p}rPh[\\s>])[\\s\\S])*?</${p}rPh>`, 'g'), '') : inner;
  const re = new RegExp(`<${p}t(?:\\s[^<>]*)?(?:/>|>([^<]*)</${p}t>)`, 'g');
  let text = '';
  for (let m = re.exec(body); m; m = re.exec(body)) text += m[1] ?? '';
  // XML end-of-line handling first (a literal CR LF is read as LF), then entities (&#13; is a CR).
  let raw = fromBytes(text);
  if (raw.includes('\r')) raw = raw.replace(/\r\n?/g, '\n');
  return [unescapeX(unescapeXml(raw)), plain];
}
