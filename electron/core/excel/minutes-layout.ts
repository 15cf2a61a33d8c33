// PMO Desk's own printable minutes (議事録): one A4 portrait sheet in a NEW workbook (no client
// template), in Japanese or English. Printed fit to one page wide (as many pages down as it takes),
// print area set, gridlines off, page numbers in the footer.
//
// Fonts: "Meiryo UI" (on every Windows since Vista; readable on screen and paper in both scripts).
// Where it is missing (macOS, LibreOffice on Linux) the viewer substitutes a Japanese sans serif; row
// heights are estimated from the text, so a wider substitute may wrap one line more than planned.
//
// Every user text is written as a string cell — never a formula, whatever it starts with (= + - @, a
// tab or a line break) — and due dates as real dates shown yyyy/mm/dd.
import ExcelJS from 'exceljs';
import type { Attendee, Meeting } from '../../common/meetings.js';
import type { Issue } from '../../common/registers.js';
import { formatDate } from '../../common/dates.js';
import { addA4Sheet, excelDate } from './a4-sheet.js';
import { SheetMerges } from './sheet-merges.js';

export type Language = 'ja' | 'en';

/** What the sheet shows, with every code already turned into a label of the chosen language. */
export interface MinutesInput {
  language: Language;
  projectName: string;
  meeting: Meeting;
  kindLabel: string;
  statusLabel(code: string): string;
  /** The meeting an action was carried over from, as "yyyy/mm/dd title". */
  fromMeeting(meetingId: number): string;
}

const LABELS = {
  ja: {
    sheet: '議事録',
    heading: '議事録',
    final: '確定',
    draft: '作成中（未確定）',
    title: '会議名',
    kind: '種別',
    series: 'シリーズ',
    when: '日時',
    place: '場所',
    online: 'オンライン',
    facilitator: '司会',
    recorder: '記録者',
    distribution: '配布先',
    materials: '資料',
    attendees: '出席者',
    org: '所属',
    name: '氏名',
    side: '区分',
    role: '役割',
    presence: '出欠',
    present: '出席',
    absent: '欠席',
    sides: { ours: '自社', client: '顧客', other: 'その他' },
    purpose: '目的',
    agenda: '議題・議事内容',
    no: 'No.',
    agendaTitle: '議題',
    notes: '議事内容',
    decisions: '決定事項',
    decision: '決定事項',
    agendaNo: '議題No.',
    actions: '宿題・アクション',
    id: 'ID',
    action: '内容',
    owner: '担当',
    due: '期限',
    status: '状況',
    carried: '前回からの宿題',
    from: '会議',
    next: '次回予定',
    none: '（なし）',
    weekdays: ['日', '月', '火', '水', '木', '金', '土'],
    range: '～',
    file: '議事録',
  },
  en: {
    sheet: 'Minutes',
    heading: 'Minutes of Meeting',
    final: 'Final',
    draft: 'Draft (not final)',
    title: 'Meeting',
    kind: 'Type',
    series: 'Series',
    when: 'Date / time',
    place: 'Place',
    online: 'Online',
    facilitator: 'Facilitator',
    recorder: 'Recorder',
    distribution: 'Distribution',
    materials: 'Materials',
    attendees: 'Attendees',
    org: 'Organization',
    name: 'Name',
    side: 'Side',
    role: 'Role',
    presence: 'Attendance',
    present: 'Present',
    absent: 'Absent',
    sides: { ours: 'Our team', client: 'Client', other: 'Other' },
    purpose: 'Purpose',
    agenda: 'Agenda and discussion',
    no: 'No.',
    agendaTitle: 'Agenda item',
    notes: 'Discussion',
    decisions: 'Decisions',
    decision: 'Decision',
    agendaNo: 'Agenda No.',
    actions: 'Action items',
    id: 'ID',
    action: 'Action',
    owner: 'Owner',
    due: 'Due',
    status: 'Status',
    carried: 'Open actions from earlier meetings',
    from: 'Meeting',
    next: 'Next meeting',
    none: '(none)',
    weekdays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
    range: '–',
    file: 'Minutes',
  },
} as const;

// ---------------------------------------------------------------- layout grid

/** Columns A–H; widths in Excel character units (≈ 89 in all: one A4 portrait page wide). */
const WIDTHS = [7, 12, 12, 12, 12, 12, 11, 11];
const LAST_COL = WIDTHS.length;
const FONT = 'Meiryo UI';
const SIZE = 10;
/** Points per wrapped line of 10 pt Meiryo UI (its line spacing is generous; kept on the high side), and cell padding. */
const LINE_PT = 15.5;
const PAD_PT = 4;
/** Excel's row height limit is 409 pt; a longer text is split over rows at paragraph breaks. */
const MAX_LINES_PER_ROW = 24;

const THIN = { style: 'thin' as const, color: { argb: 'FF808080' } };
const BOX = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const LABEL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const SECTION_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE5F0' } };

/** A span of columns, 1-based inclusive. */
type Span = [number, number];

const spanWidth = ([a, b]: Span) => WIDTHS.slice(a - 1, b).reduce((s, w) => s + w, 0);

/** Display width in character units: East Asian wide characters count as two. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{20000}-\u{3FFFD}]/u.test(ch) ? 2 : 1.1;
  return w;
}

/** Width of one line of a span, in display units (less a little cell padding). */
const lineWidth = (span: Span) => Math.max(1, spanWidth(span) - 1);

/** Lines a text wraps to in a span (an estimate, on the high side: Excel does not fit merged rows itself). */
function linesIn(text: string, span: Span): number {
  const width = lineWidth(span);
  return text.split('\n').reduce((n, p) => n + Math.max(1, Math.ceil(displayWidth(p) / width)), 0);
}

/** A paragraph longer than `budget` display units cut into parts, after a sentence end where one is near. */
function cutParagraph(p: string, budget: number): string[] {
  const parts: string[] = [];
  let rest = [...p];
  while (displayWidth(rest.join('')) > budget) {
    let w = 0;
    let end = 0;
    while (end < rest.length && w + displayWidth(rest[end]!) <= budget) w += displayWidth(rest[end++]!);
    const head = rest.slice(0, end);
    const sentence = Math.max(...['。', '．', '.', '！', '？', '!', '?', '、', ' '].map((c) => head.lastIndexOf(c)));
    const at = sentence >= end / 2 ? sentence + 1 : Math.max(1, end);
    parts.push(rest.slice(0, at).join(''));
    rest = rest.slice(at);
  }
  parts.push(rest.join(''));
  return parts;
}

/**
 * A text cut into pieces of at most MAX_LINES_PER_ROW lines, one per row: at paragraph breaks, and
 * inside a paragraph too long for one row. Blank lines at either end of a piece are left out (the row
 * break already separates pieces).
 */
function pieces(text: string, span: Span): string[] {
  const width = lineWidth(span);
  const paragraphs = text.split('\n').flatMap((p) => cutParagraph(p, width * MAX_LINES_PER_ROW));
  const out: string[] = [];
  let current: string[] = [];
  let lines = 0;
  const flush = () => {
    while (current.length > 1 && current.at(-1)!.trim() === '') current.pop();
    out.push(current.join('\n'));
    current = [];
    lines = 0;
  };
  for (const p of paragraphs) {
    const n = Math.max(1, Math.ceil(displayWidth(p) / width));
    if (current.length > 0 && lines + n > MAX_LINES_PER_ROW) flush();
    if (current.length === 0 && p.trim() === '' && out.length > 0) continue;
    current.push(p);
    lines += n;
  }
  if (current.length > 0 || out.length === 0) flush();
  return out;
}

/**
 * User text as a cell string: line breaks as Excel keeps them (\n), lone surrogates replaced. It is
 * always set as a plain string value, so "=1+2", "+81…", "-", "@x" stay text, never a formula.
 */
function cellText(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** yyyy-mm-dd → a Date at UTC midnight, which exceljs writes as that day's serial. */

type CellValue = string | Date | null;

interface CellStyle {
  bold?: boolean;
  fill?: ExcelJS.Fill;
  align?: 'left' | 'center' | 'right';
  size?: number;
  color?: string;
  numFmt?: string;
  /** false: no border (the heading lines). */
  border?: boolean;
}

class Sheet {
  row = 0;
  private readonly merges: SheetMerges;
  constructor(readonly ws: ExcelJS.Worksheet) {
    this.merges = new SheetMerges(ws);
  }

  /** Writes one cell (merged over `span`) on the current row; null leaves it empty. */
  put(span: Span, value: CellValue, style: CellStyle = {}): void {
    this.putRows(this.row, this.row, span, value, style);
  }

  /**
   * Writes one cell merged over `span` and rows r1–r2. A string value is always a string cell, so
   * text starting with = + - @ stays text.
   */
  putRows(r1: number, r2: number, span: Span, value: CellValue, style: CellStyle = {}): void {
    if (span[1] > span[0] || r2 > r1) this.merges.merge(r1, span[0], r2, span[1]);
    const cell = this.ws.getCell(r1, span[0]);
    cell.value = typeof value === 'string' ? cellText(value) : value;
    cell.font = { name: FONT, size: style.size ?? SIZE, bold: style.bold ?? false, charset: 128, ...(style.color ? { color: { argb: style.color } } : {}) };
    cell.alignment = { vertical: 'top', wrapText: true, horizontal: style.align ?? 'left' };
    if (style.fill) cell.fill = style.fill;
    if (style.numFmt) cell.numFmt = style.numFmt;
    if (style.border !== false) for (let r = r1; r <= r2; r++) for (let c = span[0]; c <= span[1]; c++) this.ws.getCell(r, c).border = BOX;
  }

  /** Moves to a new row, `lines` lines high. */
  next(lines = 1, extraPt = 0): void {
    this.row += 1;
    this.height(lines, extraPt);
  }

  height(lines: number, extraPt = 0): void {
    this.ws.getRow(this.row).height = Math.min(409, lines * LINE_PT + PAD_PT + extraPt);
  }

  gap(pt = 8): void {
    this.row += 1;
    this.ws.getRow(this.row).height = pt;
  }

  section(title: string): void {
    this.gap();
    this.next();
    this.put([1, LAST_COL], title, { bold: true, fill: SECTION_FILL });
  }

  /** A header row of a table: labels over their spans. */
  header(cols: [Span, string][]): void {
    this.next();
    for (const [span, label] of cols) this.put(span, label, { bold: true, fill: LABEL_FILL, align: 'center' });
  }

  /** A row of label/value pairs (labels shaded), as high as its longest value. */
  pairs(cells: [Span, string, Span, string][]): void {
    const lines = Math.max(...cells.map(([, , span, value]) => linesIn(value, span)));
    this.next(Math.min(lines, MAX_LINES_PER_ROW));
    for (const [ls, label, vs, value] of cells) {
      this.put(ls, label, { bold: true, fill: LABEL_FILL });
      this.put(vs, value);
    }
  }

  /** A label over columns A–B and a text of any length beside it, split over rows as `block` does. */
  labeled(label: string, text: string): void {
    const span: Span = [3, LAST_COL];
    const first = this.row + 1;
    for (const piece of pieces(text, span)) {
      this.next(linesIn(piece, span));
      this.put(span, piece);
    }
    this.putRows(first, this.row, [1, 2], label, { bold: true, fill: LABEL_FILL });
  }

  /** A long text over the full width, split over rows at paragraph breaks. */
  block(text: string, empty: string): void {
    const span: Span = [1, LAST_COL];
    for (const piece of pieces(text === '' ? empty : text, span)) {
      this.next(linesIn(piece, span));
      this.put(span, piece);
    }
  }
}

function when(m: Meeting, L: (typeof LABELS)[Language]): string {
  const parts: string[] = [];
  if (m.heldOn) {
    const day = L.weekdays[new Date(`${m.heldOn}T00:00:00Z`).getUTCDay()]!;
    parts.push(L === LABELS.ja ? `${formatDate(m.heldOn)}（${day}）` : `${formatDate(m.heldOn)} (${day})`);
  }
  if (m.startsAt || m.endsAt) parts.push(m.endsAt ? `${m.startsAt}${L.range}${m.endsAt}` : m.startsAt);
  return parts.join(' ');
}

function place(m: Meeting, L: (typeof LABELS)[Language]): string {
  if (!m.online) return m.place;
  if (m.place === '') return L.online;
  return L === LABELS.ja ? `${m.place}（${L.online}）` : `${m.place} (${L.online})`;
}

/** The minutes of one meeting as a new workbook with one sheet. */
export function minutesWorkbook(input: MinutesInput): ExcelJS.Workbook {
  const { meeting: m } = input;
  const L = LABELS[input.language];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'PMO Desk';
  wb.lastModifiedBy = 'PMO Desk';
  wb.title = m.title;
  wb.subject = L.heading;
  const ws = addA4Sheet(wb, L.sheet, WIDTHS);
  const s = new Sheet(ws);

  s.next(1, 10);
  s.put([1, LAST_COL], L.heading, { bold: true, size: 16, align: 'center', border: false });
  s.next();
  s.put([1, 5], input.projectName, { color: 'FF595959', border: false });
  s.put([6, LAST_COL], m.final ? L.final : L.draft, { bold: m.final, color: m.final ? 'FF000000' : 'FF7F7F7F', border: false, align: 'right' });
  s.gap(6);

  s.labeled(L.title, m.title);
  s.pairs([
    [[1, 2], L.kind, [3, 4], input.kindLabel],
    [[5, 6], L.series, [7, LAST_COL], m.series],
  ]);
  s.pairs([[[1, 2], L.when, [3, LAST_COL], when(m, L)]]);
  s.labeled(L.place, place(m, L));
  s.pairs([
    [[1, 2], L.facilitator, [3, 4], m.facilitator],
    [[5, 6], L.recorder, [7, LAST_COL], m.recorder],
  ]);
  s.labeled(L.distribution, m.distribution);
  s.labeled(L.materials, m.materials);

  s.section(L.attendees);
  attendeeRows(s, m.attendees, L);

  s.section(L.purpose);
  s.block(m.purpose, L.none);

  s.section(L.agenda);
  if (m.agenda.length === 0) s.block('', L.none);
  else {
    s.header([
      [[1, 1], L.no],
      [[2, 3], L.agendaTitle],
      [[4, LAST_COL], L.notes],
    ]);
    m.agenda.forEach((a, i) => {
      const first = s.row + 1;
      pieces(a.notes, [4, LAST_COL]).forEach((piece, k) => {
        s.next(Math.max(linesIn(piece, [4, LAST_COL]), k === 0 ? linesIn(a.title, [2, 3]) : 1));
        s.put([4, LAST_COL], piece);
      });
      // The number and title span every row of the item's notes.
      s.putRows(first, s.row, [1, 1], String(i + 1), { align: 'center' });
      s.putRows(first, s.row, [2, 3], a.title);
    });
  }

  s.section(L.decisions);
  if (m.decisions.length === 0) s.block('', L.none);
  else {
    s.header([
      [[1, 1], L.no],
      [[2, 7], L.decision],
      [[8, 8], L.agendaNo],
    ]);
    m.decisions.forEach((d, i) => {
      s.next(linesIn(d.text, [2, 7]));
      s.put([1, 1], String(i + 1), { align: 'center' });
      s.put([2, 7], d.text);
      s.put([8, 8], d.agendaIndex === null ? '' : String(d.agendaIndex + 1), { align: 'center' });
    });
  }

  s.section(L.actions);
  actionRows(s, m.actions, input, L, false);

  s.section(L.carried);
  actionRows(s, m.carriedOver, input, L, true);

  s.section(L.next);
  s.block(m.nextMeeting, L.none);

  ws.pageSetup.printArea = `A1:${ws.getColumn(LAST_COL).letter}${s.row}`;
  return wb;
}

function attendeeRows(s: Sheet, attendees: readonly Attendee[], L: (typeof LABELS)[Language]): void {
  if (attendees.length === 0) return s.block('', L.none);
  s.header([
    [[1, 1], L.no],
    [[2, 3], L.org],
    [[4, 5], L.name],
    [[6, 6], L.side],
    [[7, 7], L.role],
    [[8, 8], L.presence],
  ]);
  attendees.forEach((a, i) => {
    s.next(Math.max(linesIn(a.org, [2, 3]), linesIn(a.name, [4, 5]), linesIn(a.role, [7, 7])));
    s.put([1, 1], String(i + 1), { align: 'center' });
    s.put([2, 3], a.org);
    s.put([4, 5], a.name);
    s.put([6, 6], L.sides[a.side], { align: 'center' });
    s.put([7, 7], a.role);
    s.put([8, 8], a.present ? L.present : L.absent, { align: 'center', color: a.present ? undefined : 'FFC00000' });
  });
}

function actionRows(s: Sheet, actions: readonly Issue[], input: MinutesInput, L: (typeof LABELS)[Language], carried: boolean): void {
  if (actions.length === 0) return s.block('', L.none);
  const text: Span = carried ? [2, 4] : [2, 5];
  s.header([
    [[1, 1], L.id],
    [text, L.action],
    ...(carried ? [[[5, 5], L.from] as [Span, string]] : []),
    [[6, 6], L.owner],
    [[7, 7], L.due],
    [[8, 8], L.status],
  ]);
  for (const a of actions) {
    const what = a.detail === '' ? a.title : `${a.title}\n${a.detail}`;
    const from = carried && a.meetingId !== null ? input.fromMeeting(a.meetingId) : '';
    s.next(Math.min(MAX_LINES_PER_ROW, Math.max(linesIn(what, text), linesIn(a.owner, [6, 6]), linesIn(from, [5, 5]))));
    s.put([1, 1], a.ref, { align: 'center' });
    s.put(text, what);
    if (carried) s.put([5, 5], from);
    s.put([6, 6], a.owner);
    s.put([7, 7], a.due === null ? null : excelDate(a.due), { numFmt: 'yyyy/mm/dd', align: 'center', color: a.overdue ? 'FFC00000' : undefined });
    s.put([8, 8], input.statusLabel(a.status), { align: 'center' });
  }
}

// ---------------------------------------------------------------- file name

/** `議事録_<yyyymmdd>_<title>.xlsx` (English: Minutes_…), safe as a Windows file name. */
export function minutesFileName(m: Pick<Meeting, 'heldOn' | 'title'>, language: Language): string {
  const title = [...m.title.normalize('NFC').replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_').replace(/\s+/g, ' ').trim()]
    .slice(0, 80)
    .join('')
    .replace(/[. ]+$/, '');
  const parts: string[] = [LABELS[language].file];
  if (m.heldOn) parts.push(m.heldOn.replaceAll('-', ''));
  if (title !== '') parts.push(title);
  return `${parts.join('_')}.xlsx`;
}
