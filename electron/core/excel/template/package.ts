// The template's package: its zip (read with ../zip.ts, with the reader's limits), its parts as
// latin1 byte strings, the relationships between them, and the workbook's sheets. Parts are read on
// demand; a part counts as changed only when its new text differs from what was read, so an edit
// that comes out the same leaves the entry byte-identical.
import { MAX_FILE_BYTES, MAX_SHEETS } from '../limits.js';
import { sheetPrefix } from '../../../common/excel/model.js';
import { readZipDirectory, ZipReader, type ZipDirectory } from '../zip.js';
import { fail } from './errors.js';
import { writeZip, type PartChanges } from './zip-write.js';
import { attr, escapeXml, xmlText } from './xml-text.js';
import { findWorkbookPart, resolvePart } from '../parse-xlsx.js';

export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';

export interface Rel {
  id: string;
  /** The type's last segment: worksheet, sharedStrings, drawing, table… */
  type: string;
  /** The target part's name in the zip (resolved), or the raw target when external. */
  target: string;
  external: boolean;
}

export interface SheetInfo {
  name: string;
  /** 0-based position in the workbook (localSheetId of defined names). */
  index: number;
  rid: string;
  /** The part, when the relationship resolves to one. */
  part: string | null;
  kind: 'worksheet' | 'chartsheet' | 'dialogsheet' | 'macrosheet' | 'other';
}

/** The relationships part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsPathOf(part: string): string {
  return part.replace(/([^/]*)$/, '_rels/$1.rels');
}

export class Package {
  readonly buf: Buffer;
  readonly dir: ZipDirectory;
  private readonly zip: ZipReader;
  private readonly original = new Map<string, string>();
  private readonly current = new Map<string, string>();
  private readonly removed = new Set<string>();
  private readonly addedParts = new Map<string, string>();
  readonly workbookPart: string;
  readonly sheets: SheetInfo[];
  readonly date1904: boolean;

  constructor(
    bytes: Uint8Array,
    readonly fileName: string,
  ) {
    const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.buf = buf;
    if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0)
      fail(fileName, 'UNSUPPORTED', 'is encrypted with a password or is an old .xls workbook; open it in Excel and save it as .xlsx without a password');
    if (buf.length > MAX_FILE_BYTES) fail(fileName, 'UNSUPPORTED', `is ${(buf.length / 1024 / 1024).toFixed(0)} MB; templates of up to ${MAX_FILE_BYTES / 1024 / 1024} MB are filled`);
    this.dir = readZipDirectory(buf, fileName);
    this.zip = new ZipReader(buf, this.dir, fileName);
    if (!this.zip.has('[Content_Types].xml')) fail(fileName, 'UNSUPPORTED', 'is not an Excel workbook (it has no [Content_Types].xml)');
    if (this.zip.has('EncryptedPackage')) fail(fileName, 'UNSUPPORTED', 'is encrypted with a password; remove the password in Excel and save it again');
    // The reader's choice of workbook part, so a file the import read is the file the writer fills
    // (a stray Override typed as a workbook once made the writer pick a sheet part and find no sheets).
    this.workbookPart = findWorkbookPart(this.zip, fileName).part;
    const wb = this.read(this.workbookPart);
    if (wb === null) fail(fileName, 'DAMAGED', `the workbook part ${this.workbookPart} is missing`);
    if (wb.includes(STRICT_MAIN)) fail(fileName, 'UNSUPPORTED', 'is saved as Strict Open XML, which PMO Desk does not fill; save it in Excel as a normal "Excel Workbook (.xlsx)"');
    const pr = /<(?:[A-Za-z_][\w.-]*:)?workbookPr(?=[\s/>])[^<>]*>/.exec(wb);
    const d = pr ? attr(pr[0], 'date1904') : undefined;
    this.date1904 = d === '1' || d === 'true';
    const rels = this.rels(this.workbookPart);
    this.sheets = [];
    for (const m of wb.matchAll(/<(?:[A-Za-z_][\w.-]*:)?sheet(?=[\s/>])[^<>]*>/g)) {
      const rid = attrNs(m[0], 'id') ?? '';
      const rel = rels.find((r) => r.id === rid);
      const kind: SheetInfo['kind'] = rel && ['worksheet', 'chartsheet', 'dialogsheet', 'macrosheet'].includes(rel.type) ? (rel.type as SheetInfo['kind']) : rel?.type === 'xlMacrosheet' || rel?.type === 'xlIntlMacrosheet' ? 'macrosheet' : 'other';
      this.sheets.push({
        name: xmlText(attr(m[0], 'name') ?? `Sheet${this.sheets.length + 1}`),
        index: this.sheets.length,
        rid,
        part: rel && !rel.external && this.zip.has(rel.target) ? rel.target : null,
        kind,
      });
    }
    if (this.sheets.length === 0) fail(fileName, 'DAMAGED', 'the workbook lists no sheets');
    if (this.sheets.length > MAX_SHEETS) fail(fileName, 'UNSUPPORTED', `has ${this.sheets.length} sheets; PMO Desk fills workbooks of up to ${MAX_SHEETS}`);
  }

  has(part: string): boolean {
    if (this.removed.has(part)) return false;
    return this.addedParts.has(part) || this.zip.has(part);
  }

  /** Part names in the zip, in order (added parts last). */
  partNames(): string[] {
    return [...this.dir.entries.keys(), ...this.addedParts.keys()].filter((p) => !this.removed.has(p));
  }

  /** A part's text as a latin1 byte string of UTF-8 (UTF-16 parts are converted); null when absent. */
  read(part: string): string | null {
    if (this.removed.has(part)) return null;
    const cur = this.current.get(part) ?? this.addedParts.get(part);
    if (cur !== undefined) return cur;
    const orig = this.original.get(part);
    if (orig !== undefined) return orig;
    // Inflated within the reader's limits; a damaged part throws ExcelReadError naming the file.
    const bytes = this.zip.bytes(part);
    if (bytes === null) return null;
    let text: string;
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
      // UTF-16 (allowed by OOXML, never written by Excel): carried as UTF-8 if we ever write it.
      const s = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2));
      text = Buffer.from(s.replace(/^(<\?xml[^<>]*?encoding\s*=\s*["'])utf-16(["'])/i, '$1UTF-8$2'), 'utf8').toString('latin1');
    } else text = bytes.toString('latin1');
    this.original.set(part, text);
    return text;
  }

  /** The part's text, or a TemplateError naming it when it is missing. */
  need(part: string, what: string): string {
    const t = this.read(part);
    if (t === null) fail(this.fileName, 'DAMAGED', `${what} (${part}) is missing`, part);
    return t;
  }

  write(part: string, text: string): void {
    if (this.addedParts.has(part)) {
      this.addedParts.set(part, text);
      return;
    }
    const orig = this.original.get(part) ?? this.read(part);
    if (orig === text) this.current.delete(part);
    else this.current.set(part, text);
  }

  add(part: string, text: string): void {
    this.addedParts.set(part, text);
  }

  remove(part: string): void {
    this.removed.add(part);
  }

  changed(part: string): boolean {
    return this.current.has(part) || this.addedParts.has(part) || this.removed.has(part);
  }

  /** Relationships of a part (of the package when part is ''). */
  rels(part: string): Rel[] {
    const relsPath = part === '' ? '_rels/.rels' : relsPathOf(part);
    const xml = this.read(relsPath);
    if (xml === null) return [];
    const out: Rel[] = [];
    for (const m of xml.matchAll(/<(?:[A-Za-z_][\w.-]*:)?Relationship(?=[\s/>])[^<>]*>/g)) {
      const id = attr(m[0], 'Id');
      const target = attr(m[0], 'Target');
      if (id === undefined || target === undefined) continue;
      const type = (attr(m[0], 'Type') ?? '').replace(/^.*\//, '');
      const external = attr(m[0], 'TargetMode') === 'External';
      const t = xmlText(target);
      out.push({ id, type, target: external ? t : resolvePart(part === '' ? '' : part, decodeURIComponentSafe(t)), external });
    }
    return out;
  }

  /** Adds a relationship to a part's rels (creating the rels part), returning its id. */
  addRel(part: string, type: string, target: string): string {
    const relsPath = relsPathOf(part);
    const xml = this.read(relsPath);
    const ids = new Set(this.rels(part).map((r) => r.id));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const rel = `<Relationship Id="${id}" Type="${REL_NS}/${type}" Target="${escapeXml(target)}"/>`;
    if (xml === null) {
      this.add(relsPath, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel}</Relationships>`);
      return id;
    }
    const close = xml.lastIndexOf('</');
    this.write(relsPath, xml.slice(0, close) + rel + xml.slice(close));
    return id;
  }

  /** Removes every relationship of `part` that targets `target`. */
  removeRelsTo(part: string, target: string): void {
    const relsPath = relsPathOf(part);
    const xml = this.read(relsPath);
    if (xml === null) return;
    const out = xml.replace(/<(?:[A-Za-z_][\w.-]*:)?Relationship(?=[\s/>])[^<>]*>(?:\s*<\/(?:[A-Za-z_][\w.-]*:)?Relationship>)?/g, (tag) => {
      const t = attr(tag, 'Target');
      return t !== undefined && attr(tag, 'TargetMode') !== 'External' && resolvePart(part, decodeURIComponentSafe(xmlText(t))) === target ? '' : tag;
    });
    this.write(relsPath, out);
  }

  /** Adds an Override to [Content_Types].xml (when the part has none yet). */
  addContentType(part: string, contentType: string): void {
    const ct = this.need('[Content_Types].xml', 'the content types part');
    if (new RegExp(`PartName\\s*=\\s*["']/${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']`).test(ct)) return;
    const close = ct.lastIndexOf('</');
    const prefix = /<([A-Za-z_][\w.-]*:)?Types[\s>]/.exec(ct)?.[1] ?? '';
    this.write('[Content_Types].xml', `${ct.slice(0, close)}<${prefix}Override PartName="/${part}" ContentType="${contentType}"/>${ct.slice(close)}`);
  }

  removeContentType(part: string): void {
    const ct = this.read('[Content_Types].xml');
    if (ct === null) return;
    this.write(
      '[Content_Types].xml',
      ct.replace(/<(?:[A-Za-z_][\w.-]*:)?Override(?=[\s/>])[^<>]*>/g, (tag) => ((attr(tag, 'PartName') ?? '').replace(/^\//, '') === part ? '' : tag)),
    );
  }

  sheet(name: string): SheetInfo {
    const s = this.sheets.find((x) => x.name === name) ?? this.sheets.find((x) => x.name.toLocaleUpperCase('en-US') === name.toLocaleUpperCase('en-US'));
    if (!s) fail(this.fileName, 'NO_SHEET', `has no sheet named "${name}" (its sheets: ${this.sheets.map((x) => x.name).join(', ')})`, sheetPrefix(name));
    if (s.kind !== 'worksheet') fail(this.fileName, 'NOT_A_WORKSHEET', `sheet "${s.name}" is a ${s.kind === 'other' ? 'sheet of an unknown kind' : s.kind}, not a worksheet with cells`, sheetPrefix(s.name));
    if (s.part === null) fail(this.fileName, 'DAMAGED', `the part of sheet "${s.name}" is missing`, sheetPrefix(s.name));
    return s;
  }

  /** The output zip. */
  toBuffer(): Buffer {
    const changes: PartChanges = new Map();
    for (const [part, text] of this.current) changes.set(part, Buffer.from(text, 'latin1'));
    for (const part of this.removed) if (this.dir.entries.has(part)) changes.set(part, null);
    const added = new Map<string, Buffer>();
    for (const [part, text] of this.addedParts) if (!this.removed.has(part)) added.set(part, Buffer.from(text, 'latin1'));
    return writeZip(this.buf, this.dir, changes, added);
  }
}

/** An attribute that may carry a namespace prefix (r:id). */
function attrNs(tag: string, local: string): string | undefined {
  const m = new RegExp(`\\s(?:[A-Za-z_][\\w.-]*:)?${local}\\s*=\\s*["']([^"']*)["']`).exec(tag);
  return m?.[1];
}

function decodeURIComponentSafe(s: string): string {
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

