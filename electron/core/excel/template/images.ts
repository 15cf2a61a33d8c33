// Pictures placed into a client's workbook (a chart of the weekly report at the cell its form profile
// names): the PNG as a new media part, anchored at one cell with its size in the sheet's drawing. A
// sheet that already has a drawing (a logo, shapes, the client's own charts) gets one more anchor in
// it, everything there kept; a sheet without one gets a new drawing part and its <drawing> element.
// Rows inserted above the cell by a grown table move the picture down with them.
import path from 'node:path';
import { sheetPrefix } from '../../../common/excel/model.js';
import { fail } from './errors.js';
import type { Package, SheetInfo } from './package.js';
import { parseA1 } from './refs.js';
import type { ImageWrite } from './types.js';
import { escapeXml, toBytes } from './xml-text.js';

const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DRAWING_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const EMU_PER_PX = 9525;
/** What may follow <drawing> in a worksheet (CT_Worksheet's order): the element goes before the first. */
const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

/** An attribute value as the part holds text: escaped, as the latin1 string of its UTF-8 bytes. */
const attrText = (s: string) => toBytes(escapeXml(s));

/** A part name not yet in the package: base1.ext, base2.ext, … */
function freePart(pkg: Package, base: string, ext: string): string {
  for (let n = 1; ; n++) if (!pkg.has(`${base}${n}.${ext}`)) return `${base}${n}.${ext}`;
}

const relTarget = (from: string, to: string) => path.posix.relative(path.posix.dirname(from), to);

/** The sheet's drawing part, made (with its <drawing> element in the sheet) when the sheet has none. */
function drawingOf(pkg: Package, sheet: SheetInfo): string {
  const sheetPart = sheet.part!;
  const existing = pkg.rels(sheetPart).find((r) => r.type === 'drawing' && !r.external);
  if (existing && pkg.has(existing.target)) return existing.target;
  const part = freePart(pkg, 'xl/drawings/drawing', 'xml');
  pkg.add(part, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}"></xdr:wsDr>`);
  pkg.addContentType(part, DRAWING_TYPE);
  const id = pkg.addRel(sheetPart, 'drawing', relTarget(sheetPart, part));
  const xml = pkg.need(sheetPart, `the part of sheet "${sheet.name}"`);
  const prefix = /<([A-Za-z_][\w.-]*:)?worksheet[\s>]/.exec(xml)?.[1] ?? '';
  const element = `<${prefix}drawing xmlns:r="${NS_R}" r:id="${id}"/>`;
  let at = -1;
  for (const name of AFTER_DRAWING) {
    const m = new RegExp(`<${prefix.replace('.', '\\.')}${name}[\\s/>]`).exec(xml);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = xml.lastIndexOf(`</${prefix}worksheet`);
  pkg.write(sheetPart, xml.slice(0, at) + element + xml.slice(at));
  return part;
}

export function placeImages(pkg: Package, fileName: string, images: readonly ImageWrite[], inserted: readonly { sheet: string; at: number; count: number }[]): void {
  for (const img of images) {
    const sheet = pkg.sheet(img.sheet);
    const cell = parseA1(img.ref);
    if (!cell) fail(fileName, 'BAD_WRITE', `"${img.ref}" on sheet "${img.sheet}" is not a cell address`, `${sheetPrefix(img.sheet)}!${img.ref}`);
    // The template's row, moved down by the rows a grown table inserted at or above it (1-based rows).
    let row = cell.row;
    for (const ins of inserted) if (ins.sheet === sheet.name && ins.at <= row) row += ins.count;

    // imageN.png as Excel names them (ExcelJS, for one, reads only such names).
    const media = freePart(pkg, 'xl/media/image', 'png');
    pkg.add(media, Buffer.from(img.png.buffer, img.png.byteOffset, img.png.byteLength).toString('latin1'));
    pkg.addContentType(media, 'image/png');
    const drawing = drawingOf(pkg, sheet);
    const rid = pkg.addRel(drawing, 'image', relTarget(drawing, media));
    const xml = pkg.need(drawing, `the drawing of sheet "${sheet.name}"`);
    // The drawing's own prefix for its elements (xdr: as Excel writes it, or none).
    const root = /<([A-Za-z_][\w.-]*:)?wsDr[\s>]/.exec(xml);
    if (!root) fail(fileName, 'DAMAGED', `the drawing of sheet "${sheet.name}" (${drawing}) has no wsDr element`, drawing);
    const x = root[1] ?? '';
    const ids = [...xml.matchAll(/<(?:[A-Za-z_][\w.-]*:)?cNvPr\s[^<>]*?\bid\s*=\s*["'](\d+)["']/g)].map((m) => Number(m[1]));
    const id = Math.max(1, ...ids) + 1;
    const cx = Math.round(img.width * EMU_PER_PX);
    const cy = Math.round(img.height * EMU_PER_PX);
    const anchor =
      `<${x}oneCellAnchor><${x}from><${x}col>${cell.col}</${x}col><${x}colOff>0</${x}colOff><${x}row>${row - 1}</${x}row><${x}rowOff>0</${x}rowOff></${x}from>` +
      `<${x}ext cx="${cx}" cy="${cy}"/>` +
      `<${x}pic><${x}nvPicPr><${x}cNvPr id="${id}" name="${attrText(img.name)}" descr="${attrText(img.name)}"/><${x}cNvPicPr><a:picLocks xmlns:a="${NS_A}" noChangeAspect="1"/></${x}cNvPicPr></${x}nvPicPr>` +
      `<${x}blipFill><a:blip xmlns:a="${NS_A}" xmlns:r="${NS_R}" r:embed="${rid}"/><a:stretch xmlns:a="${NS_A}"><a:fillRect/></a:stretch></${x}blipFill>` +
      `<${x}spPr><a:xfrm xmlns:a="${NS_A}"><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom xmlns:a="${NS_A}" prst="rect"><a:avLst/></a:prstGeom></${x}spPr></${x}pic>` +
      `<${x}clientData/></${x}oneCellAnchor>`;
    const close = xml.lastIndexOf(`</${x}wsDr`);
    pkg.write(drawing, xml.slice(0, close) + anchor + xml.slice(close));
  }
}
