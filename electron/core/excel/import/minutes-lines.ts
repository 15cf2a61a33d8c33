// The lines of a 議事録 written as a document (a Word-like sheet: a title, 日時 / 場所 / 出席者 label lines,
// 議題 headings, paragraphs, bullet lines "・…" with the ToDo items) read as a meeting: its header, its
// agenda with notes, its decisions and its action items (text, owner, due). Japanese and English forms:
// `日時：2025年4月3日（木）10:00～11:00`, `Date: 3 Apr 2025, 10:00-11:00`, `・佐藤：仕様書を更新する（4/10まで）`,
// `Action: update spec — Sato, by Apr 10`. One reader of such text for a form's cells (form-import.ts: a
// cell holding its label and value, an action cell holding owner and due) and for a sheet read with no
// form at all (minutes-sheet.ts). Blind set 7, M1/M2.
import { parseDateText, settledSlashOrder, type SlashOrder } from '../../../common/excel/client-dates.js';

/** The header fields a label line may give. */
export type MinutesLabel = 'title' | 'when' | 'date' | 'time' | 'place' | 'attendees' | 'absentees' | 'facilitator' | 'recorder' | 'purpose' | 'nextMeeting';
/** The sections a heading opens. */
export type MinutesSection = 'agenda' | 'decisions' | 'actions' | 'notes';

const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\s_]+/g, ' ').trim();

/** Label words per header field (folded: NFKC, lower case, single spaces). */
const LABELS: Record<MinutesLabel, readonly string[]> = {
  title: ['会議名', '会議名称', '件名', '名称', 'meeting', 'meeting name', 'meeting title', 'subject', 'title'],
  when: ['日時', '開催日時', '実施日時', '会議日時', '日程', 'date/time', 'date & time', 'date and time', 'when'],
  date: ['日付', '開催日', '実施日', '会議日', 'date', 'meeting date'],
  time: ['時間', '時刻', '開催時間', 'time'],
  place: ['場所', '会場', '開催場所', '会議室', '場所/会議室', 'location', 'venue', 'place', 'room', 'where'],
  attendees: ['出席者', '参加者', '出席', '参加', '出席者(敬称略)', '参加者(敬称略)', 'attendees', 'participants', 'present', 'attendance'],
  absentees: ['欠席者', '欠席', 'absent', 'absentees', 'apologies'],
  facilitator: ['司会', '司会者', '議長', 'ファシリテーター', 'chair', 'chairperson', 'facilitator'],
  recorder: ['記録者', '書記', '記録', '作成者', '議事録作成者', 'recorder', 'minutes by', 'minutes taken by', 'note taker', 'prepared by'],
  purpose: ['目的', '会議の目的', 'purpose', 'objective', 'objectives'],
  nextMeeting: ['次回', '次回予定', '次回開催', '次回会議', '次回日程', 'next meeting', 'next'],
};

/** Heading words per section. */
const SECTIONS: Record<MinutesSection, readonly string[]> = {
  agenda: ['議題', 'アジェンダ', '議事', '議事内容', '議事次第', '討議内容', '協議事項', '報告事項', 'agenda', 'agenda items', 'discussion', 'topics'],
  decisions: ['決定事項', '決定', '合意事項', '確認事項', '結論', 'decisions', 'decision', 'agreed', 'agreements', 'conclusions'],
  actions: [
    'todo', 'to do', 'to-do', 'todo一覧', 'アクション', 'アクションアイテム', 'アクション項目', '宿題', '宿題事項', '対応事項', '課題', '課題・宿題', '宿題・課題', '今後の対応', '次回までの対応', 'タスク',
    'action', 'actions', 'action items', 'action item', 'action points', 'next steps', 'follow-up', 'follow up', 'follow-ups', 'tasks',
  ],
  notes: ['備考', '特記事項', 'その他', '連絡事項', 'notes', 'remarks', 'other', 'aob', 'any other business'],
};

const LABEL_OF = new Map<string, MinutesLabel>(Object.entries(LABELS).flatMap(([k, ws]) => ws.map((w) => [w, k as MinutesLabel])));
const SECTION_OF = new Map<string, MinutesSection>(Object.entries(SECTIONS).flatMap(([k, ws]) => ws.map((w) => [w, k as MinutesSection])));

/** Bullets and numbering a line may open with: ・ - * • ● ○ ■ □ ◆ ◇ ☐ ▶ → ①, 1. 1) (1) 1、 a) */
const BULLET = /^(?:[・\-*•●○◯■□◆◇☐☑✓▶▷→►]|[\u2460-\u2473]|\(?\d{1,2}[.)、．]|\(\d{1,2}\)|[a-z][.)])\s*/iu;
/** A heading's dressing: 【議題】, [Agenda], ■議題, ＜決定事項＞, 1. 議題, 議題：. */
const HEADING_DRESS = /^[【\[<＜《〈■□◆◇●▼▽]*\s*|\s*[】\]>＞》〉]*\s*[:：]?\s*$/gu;
/** The separator between a label and its value: ：, :, a tab, or the label's own closing bracket. */
const LABEL_SEP = /^\s*([^:：\t]{1,20}?)\s*(?:[:：]|\t)\s*(.*)$/su;

export function stripBullet(line: string): { text: string; bulleted: boolean } {
  const t = line.trim();
  const m = BULLET.exec(t);
  return m ? { text: t.slice(m[0].length).trim(), bulleted: true } : { text: t, bulleted: false };
}

/** A label line (日時：…, 【場所】…, Location: …): the field and the value after it; null for any other line. */
export function labelLine(line: string): { label: MinutesLabel; value: string } | null {
  const t = stripBullet(line).text;
  // 【場所】第1会議室 — the label in brackets, the value after them.
  const bracket = /^[【\[<＜《〈]\s*([^】\]>＞》〉]{1,20})\s*[】\]>＞》〉]\s*[:：]?\s*(.*)$/su.exec(t);
  const m = bracket ?? LABEL_SEP.exec(t);
  if (!m) return null;
  const label = LABEL_OF.get(fold(m[1]!).replace(/\s*[(（][^)）]*[)）]$/, '')) ?? LABEL_OF.get(fold(m[1]!));
  return label ? { label, value: m[2]!.trim() } : null;
}

/** A label alone in a cell (日時, 出席者, Location) — its value in the next cell. */
export function labelWord(text: string): MinutesLabel | null {
  return LABEL_OF.get(fold(text).replace(/[:：]$/, '').trim()) ?? null;
}

/**
 * A section heading (議題, 【決定事項】, ■ToDo, Action items:, 3. 決定事項): the section; null for any other
 * line. A heading holds nothing but its word (議題1：進捗確認 is an agenda item, read by agendaTitle).
 */
export function sectionHeading(line: string): MinutesSection | null {
  const t = line.trim().replace(/^(?:\d{1,2}[.)．、]|\(\d{1,2}\)|[\u2460-\u2473])\s*/u, '');
  const bare = fold(t.replace(HEADING_DRESS, ''));
  return SECTION_OF.get(bare) ?? null;
}

/** An agenda item's heading (議題1：進捗確認, 議題(2) 課題確認, Agenda 1: Progress, 1. 進捗確認 under 議題): its title; null otherwise. */
export function agendaTitle(line: string): string | null {
  const m = /^[【\[■□◆◇●]?\s*(?:議題|アジェンダ|agenda(?:\s+item)?|topic|item)\s*[(（]?\s*[0-9\u2460-\u2473一二三四五六七八九十]{1,2}\s*[)）]?\s*[】\]]?\s*[:：.．、]?\s*(.+)$/iu.exec(line.normalize('NFKC').trim());
  return m ? m[1]!.trim() : null;
}

/** A line that says it is an action (ToDo：…, 【宿題】…, Action: …, AI: …): the rest; null otherwise. */
export function actionMarked(line: string): string | null {
  const t = stripBullet(line).text;
  const m = /^(?:[【\[<＜(（]\s*)?(?:todo|to do|to-do|アクション|宿題|対応|action(?:\s+item)?|ai|next step)\s*(?:[】\]>＞)）]\s*[:：]?|[:：])\s*(.+)$/iu.exec(t.normalize('NFKC'));
  return m ? m[1]!.trim() : null;
}

/** A decision marked on its line (決定：…, 【決定】…, Decision: …, Agreed: …): the rest. */
export function decisionMarked(line: string): string | null {
  const t = stripBullet(line).text;
  const m = /^(?:[【\[<＜(（]\s*)?(?:決定|決定事項|合意|decision|decided|agreed)\s*(?:[】\]>＞)）]\s*[:：]?|[:：])\s*(.+)$/iu.exec(t.normalize('NFKC'));
  return m ? m[1]!.trim() : null;
}

/** The year of a month and day written without one, from the meeting: a due date is on or after the meeting, within a year. */
export function dateAfter(text: string, meetingDay: string): string | null {
  const p = parseDateText(text, meetingDay);
  if (!p.ok) return null;
  if (!p.yearInferred) return p.iso;
  const [, m, d] = p.iso.split('-');
  const y = Number(meetingDay.slice(0, 4));
  const same = `${y}-${m}-${d}`;
  // A day before the meeting by more than a month is next year's (a 1/15 due in a December meeting).
  const before = Date.parse(`${meetingDay}T00:00:00Z`) - Date.parse(`${same}T00:00:00Z`);
  return before > 31 * 86_400_000 ? `${y + 1}-${m}-${d}` : Number.isNaN(before) ? p.iso : same;
}

// A date inside a line: 4/10, 4月10日, 2025/4/10, 2025年4月10日, 2025-04-10, Apr 10, 10 Apr, April 10th 2025, 7月末.
const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DATE_IN_LINE = new RegExp(
  [
    // 和暦 (令和7年4月3日, R7.4.3) and a year written last (03/04/2025) before any yearless form takes a part of them.
    '(?:明治|大正|昭和|平成|令和|(?<![a-z])[mtshr])\\s*(?:元|\\d{1,2})\\s*(?:年|[/.-])\\s*\\d{1,2}\\s*(?:月|[/.-])\\s*\\d{1,2}\\s*日?',
    '\\d{1,2}\\s*[/.-]\\s*\\d{1,2}\\s*[/.-]\\s*\\d{4}',
    '\\d{4}\\s*[/.-]\\s*\\d{1,2}\\s*[/.-]\\s*\\d{1,2}',
    '\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日?',
    '\\d{1,2}\\s*月\\s*(?:\\d{1,2}\\s*日?|末|上旬|中旬|下旬)',
    '\\d{1,2}\\s*/\\s*\\d{1,2}(?!\\s*/)',
    `(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?`,
    `\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTHS})\\.?(?:,?\\s+\\d{4})?`,
  ].join('|'),
  'iu',
);

/** Words saying a date is a due date around it: （4/10まで）, 期限：4/10, 〆4/10, ～4/10, by Apr 10, due 4/10. */
const DUE_BEFORE = /(?:期限|期日|締切|締め切り|〆切?|納期|due(?:\s+date)?|deadline|by|before|until|till|[~〜～])\s*[:：]?\s*$/iu;
const DUE_AFTER = /^\s*(?:まで(?:に)?|迄|〆|期限|締切|予定|目途|めど|中)/u;

export interface ActionLine {
  title: string;
  owner: string;
  /** yyyy-mm-dd, or null. */
  due: string | null;
}

/** A person's name as an owner is written: short, no sentence in it (佐藤, 佐藤さん, A社 佐藤, Sato, J. Smith, PMO). */
export function ownerLike(s: string): boolean {
  const t = s.trim();
  if (t === '' || t.length > 20 || /[。、,.!?？！]$/.test(t)) return false;
  // A Japanese phrase with a particle or a verb ending is no name (仕様を確認する).
  if (/[をにがはでへ]|する|した|します/u.test(t) && !/[さ様氏]ん?$/u.test(t)) return false;
  if (!/^[\p{L}\p{N}\s.&・'()（）-]+$/u.test(t) || t.split(/\s+/).length > 3) return false;
  // Latin words of a name are capitalised (Sato, J. Smith, PMO), and are not a topic's word (Status, Risk: …).
  const latin = t.split(/\s+/).filter((w) => /^[a-z]/iu.test(w));
  if (latin.some((w) => !/^[A-Z]/.test(w)) || latin.some((w) => NOT_NAMES.test(w))) return false;
  // Nor is a topic in Japanese (API仕様：…, 進捗確認：…): a word of work, not of a person.
  return !TOPIC_WORDS.test(t);
}

const NOT_NAMES = /^(?:note|notes|status|decision|decided|issue|issues|risk|risks|topic|agenda|action|actions|update|next|todo|item|re|fyi|info|question|answer|result|summary|background|progress)$/i;
const TOPIC_WORDS = /仕様|対応|確認|課題|資料|設計|開発|試験|テスト|会議|報告|検討|作成|修正|方針|について|関連|全体|次回|本日|今後|共有|進捗|決定|結論|内容|予定|状況|計画|問題|要件|その他|備考|連絡|議題|結果/u;

const HONORIFIC = /\s*(?:さん|様|氏|殿|くん|君)$/u;
export const cleanOwner = (s: string) => s.trim().replace(/^[(（【\[]|[)）】\]]$/g, '').replace(HONORIFIC, '').trim();

/**
 * An action item's line → its text, owner and due date (the year from the meeting's day):
 * `佐藤：仕様書を更新する（4/10まで）`, `仕様書を更新する（担当：佐藤、期限：4/10）`, `【佐藤】仕様書を更新する 4/10`,
 * `仕様書を更新する／佐藤／4月10日`, `Sato: update the spec by Apr 10`, `Update spec — Sato, by Apr 10`,
 * `Update spec (Owner: Sato, Due: 2025-04-10)`, `Sato to update the spec by 4/10`. What names no owner or
 * due stays in the text.
 */
export function actionLine(line: string, meetingDay: string): ActionLine {
  let text = actionMarked(line) ?? stripBullet(line).text;
  let owner = '';
  let due: string | null = null;
  // Labelled parts anywhere: 担当：佐藤 / 期限：4/10 / Owner: Sato / Due: Apr 10, alone or in brackets.
  const labelled = /(?:[、,，;；／]\s*)?[（(【\[]?\s*(担当者?|責任者|担当|owner|assignee|who|期限|期日|締切|due(?:\s+date)?|deadline|when)\s*[:：]\s*([^、,，;；／)）】\]]+?)\s*(?=[、,，;；／)）】\]]|$)/giu;
  for (const m of [...text.matchAll(labelled)]) {
    const isOwner = /^(担当者?|責任者|担当|owner|assignee|who)$/iu.test(m[1]!);
    if (isOwner && owner === '') owner = cleanOwner(m[2]!);
    else if (!isOwner && due === null) due = dateAfter(m[2]!.replace(DUE_AFTER, '').trim(), meetingDay);
    else continue;
    text = text.replace(m[0], ' ');
  }
  text = text.replace(/[（(【\[]\s*[、,，;；/／\s]*[)）】\]]/gu, ' ').replace(/\s{2,}/g, ' ').trim();
  // A bracket whose labelled parts were all taken out leaves its closing half alone at the end.
  if (/[)）】\]]$/.test(text) && (text.match(/[（(【\[]/gu)?.length ?? 0) < (text.match(/[)）】\]]/gu)?.length ?? 0)) text = text.slice(0, -1).trim();
  // A due date with its words: （4/10まで）, 4/10まで, ～4/10, by Apr 10, due 4/10 — the date taken out of the text.
  if (due === null) {
    const all = [...text.matchAll(new RegExp(DATE_IN_LINE.source, 'giu'))];
    for (const m of all.reverse()) {
      const before = text.slice(0, m.index);
      const after = text.slice(m.index! + m[0].length);
      const marked = DUE_BEFORE.test(before) || DUE_AFTER.test(after);
      // A date at the very end of the line, bracketed or after a separator, is the due date too.
      const atEnd = /^\s*[)）】\]]?\s*$/.test(after.replace(DUE_AFTER, ''));
      if (!marked && !atEnd) continue;
      const d = dateAfter(m[0], meetingDay);
      if (d === null) continue;
      due = d;
      const head = before.replace(DUE_BEFORE, '').replace(/[（(【\[]\s*$/u, '');
      const tail = after.replace(DUE_AFTER, '').replace(/^\s*[)）】\]]/u, '');
      text = `${head} ${tail}`.replace(/\s*[,，、/／—–-]\s*$/u, '').replace(/\s{2,}/g, ' ').trim();
      break;
    }
  }
  if (owner === '') {
    let m: RegExpExecArray | null;
    // 佐藤：…, Sato: …, 【佐藤】…, [Sato] …
    if ((m = /^[【\[]\s*([^】\]]{1,20})\s*[】\]]\s*[:：]?\s*(.+)$/su.exec(text)) && ownerLike(m[1]!)) [owner, text] = [cleanOwner(m[1]!), m[2]!];
    else if ((m = /^([^:：]{1,20}?)\s*[:：]\s*(.+)$/su.exec(text)) && ownerLike(m[1]!)) [owner, text] = [cleanOwner(m[1]!), m[2]!];
    // … — Sato, … - Sato / 佐藤, …（佐藤）, …【佐藤】, … ／佐藤
    else if ((m = /^(.+?)\s*(?:[—–]|\s-\s|[/／])\s*([^—–/／]{1,20})$/su.exec(text)) && ownerLike(m[2]!.replace(/[,，、]$/, ''))) [text, owner] = [m[1]!, cleanOwner(m[2]!.replace(/[,，、]$/, ''))];
    else if ((m = /^(.+?)\s*[（(【\[]\s*([^（(【\[)）】\]]{1,20})\s*[)）】\]]$/su.exec(text)) && ownerLike(m[2]!)) [text, owner] = [m[1]!, cleanOwner(m[2]!)];
    // Sato to update the spec (English: a name and "to" before the verb).
    else if ((m = /^([A-Z][\p{L}.'-]*(?:\s+[A-Z][\p{L}.'-]*)?)\s+to\s+(.+)$/u.exec(text))) [owner, text] = [m[1]!, m[2]!];
  }
  text = text.replace(/\s*[,，、;；/／—–]\s*$/u, '').replace(/^\s*[,，、;；:：—–-]\s*/u, '').trim();
  return { title: text, owner, due };
}

/** A time with am/pm (2:00pm, 2 p.m., 午後2時): the hour in 24 hours, so the time reads as any other. */
function twentyFourHour(s: string): string {
  return s
    .replace(/(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\.?(?![a-z])/giu, (_, h: string, mm: string | undefined, ap: string) => `${(Number(h) % 12) + (ap.toLowerCase() === 'p' ? 12 : 0)}:${mm ?? '00'}`)
    .replace(/午後\s*(\d{1,2})(?=\s*[:時])/gu, (_, h: string) => String((Number(h) % 12) + 12))
    .replace(/午前\s*(?=\d)/gu, '');
}

/**
 * 2025年4月3日（木）10:00～11:00, 令和7年4月3日 10時～11時, R7.4.3 10:00-11:00, 03/04/2025, 3 Apr 2025,
 * 2:00pm–3:30pm → the day and the times (hh:mm, '' where not given). The date is read by the one date reader
 * (parseDateText: era, yyyy/mm/dd, nn/nn/yyyy in `order`, the document's) — a yearless form only where the
 * line has no year (review U18).
 */
export function whenLine(value: string, reference: string, order: SlashOrder = 'mdy'): { day: string | null; startsAt: string; endsAt: string } {
  const s = twentyFourHour(value.normalize('NFKC'));
  // The times inside the line, read as a time cell is (parseTimeRange).
  const time = /(\d{1,2})\s*[:時]\s*(\d{2})?\s*分?\s*(?:[~〜～\-–—]|から)\s*(?:(\d{1,2})\s*[:時]\s*(\d{2})?\s*分?)?/u.exec(s) ?? /(\d{1,2})\s*:\s*(\d{2})/u.exec(s);
  const { startsAt, endsAt } = (time && parseTimeRange(time[0])) ?? { startsAt: '', endsAt: '' };
  const datePart = (time ? s.slice(0, time.index) : s).replace(/[(（][^)）]*[)）]/gu, ' ').replace(/[,、]\s*$/u, '').trim();
  const whole = parseDateText(datePart, reference, order);
  const m = whole.ok ? null : DATE_IN_LINE.exec(datePart);
  const p = whole.ok ? whole : m ? parseDateText(m[0], reference, order) : { ok: false as const };
  return { day: p.ok ? p.iso : null, startsAt, endsAt };
}

/**
 * The order (month or day first) a document writes nn/nn/yyyy dates in: a day over 12 anywhere in it
 * decides (settledSlashOrder); else day first where it writes dates day before month in words (10 Apr),
 * month first otherwise.
 */
export function documentSlashOrder(lines: readonly string[]): SlashOrder {
  const slashed = lines.flatMap((l) => l.normalize('NFKC').match(/\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}/gu) ?? []);
  const settled = settledSlashOrder(slashed);
  if (settled) return settled;
  const text = lines.join('\n');
  const dayMonth = new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTHS})\\b`, 'iu').test(text);
  const monthDay = new RegExp(`\\b(?:${MONTHS})\\.?\\s+\\d{1,2}\\b`, 'iu').test(text);
  return dayMonth && !monthDay ? 'dmy' : 'mdy';
}

/** 10:00〜11:00, 10:00-11:00, 10時〜11時 → start and end (hh:mm); null when it is not a time range. */
export function parseTimeRange(s: string): { startsAt: string; endsAt: string } | null {
  const n = s.normalize('NFKC').replace(/\s+/g, '');
  const t = (h: string, mm: string | undefined) => `${h.padStart(2, '0')}:${(mm ?? '00').padStart(2, '0')}`;
  const m = /^(\d{1,2})[:時](\d{2})?分?(?:[~〜～\-ー–—]|から)(?:(\d{1,2})[:時](\d{2})?分?)?(?:まで)?$/.exec(n);
  if (!m) {
    const one = /^(\d{1,2})[:時](\d{2})?分?$/.exec(n);
    return one ? { startsAt: t(one[1]!, one[2]), endsAt: '' } : null;
  }
  const start = t(m[1]!, m[2]);
  const end = m[3] ? t(m[3], m[4]) : '';
  const ok = (x: string) => x === '' || (Number(x.slice(0, 2)) < 24 && Number(x.slice(3)) < 60);
  return ok(start) && ok(end) ? { startsAt: start, endsAt: end } : null;
}

/** What a column of a ToDo table holds, by its header word (No | 内容 | 担当 | 期限, # | Action | Owner | Due). */
export type ActionColumn = 'no' | 'text' | 'owner' | 'due';

const ACTION_COLUMNS: Record<ActionColumn, readonly string[]> = {
  no: ['no', 'no.', '#', '番号', '項番', '№', 'id', 'item no', 'ref'],
  text: ['内容', '項目', '対応内容', '実施内容', 'todo', 'to do', 'todo内容', 'アクション', 'アクション内容', '宿題', '宿題内容', '件名', 'タスク', '作業', '作業内容', '課題', 'action', 'action item', 'actions', 'item', 'description', 'task', 'details', 'what'],
  owner: ['担当', '担当者', '責任者', '対応者', '担当部署', 'owner', 'who', 'assignee', 'assigned to', 'responsible', 'person'],
  due: ['期限', '期日', '締切', '締め切り', '納期', '完了予定', '完了予定日', '対応期限', 'due', 'due date', 'deadline', 'by', 'when', 'target date'],
};
const ACTION_COLUMN_OF = new Map<string, ActionColumn>(Object.entries(ACTION_COLUMNS).flatMap(([k, ws]) => ws.map((w) => [w, k as ActionColumn])));

/**
 * A row of cells naming a ToDo table's columns (No | 内容 | 担当 | 期限, Action | Owner | Due): each cell's
 * column; null unless every cell is such a word, two or more, and they name an owner or a due date.
 */
export function actionColumns(cells: readonly string[]): ActionColumn[] | null {
  if (cells.length < 2) return null;
  const cols = cells.map((c) => ACTION_COLUMN_OF.get(fold(c).replace(/[:：]$/, '')));
  if (cols.some((c) => c === undefined)) return null;
  return cols.includes('owner') || cols.includes('due') ? (cols as ActionColumn[]) : null;
}

/** An action item written across cells, its due as written (dated against the meeting later by actionLine's rule). */
export interface ActionCells {
  text: string;
  owner: string;
  due: string;
}

/** A cell that is a date (4/10, 2025/04/10, 15/04/2025, 4月10日まで), in either month/day order. */
function isDate(c: string): boolean {
  const t = c.replace(/まで(?:に)?$/u, '').trim();
  return parseDateText(t, '2000-01-01').ok || parseDateText(t, '2000-01-01', 'dmy').ok;
}

/**
 * A ToDo row written in cells: by the header's columns where the table has one; without one, a bare running
 * number first is dropped, the first text is the action, a date cell after it the due and a short name the
 * owner (仕様書を更新する | 佐藤 | 4/10). Review U17.
 */
export function actionCells(cells: readonly string[], columns: readonly ActionColumn[] | null): ActionCells {
  const out: ActionCells = { text: '', owner: '', due: '' };
  const texts: string[] = [];
  if (columns) {
    cells.forEach((c, i) => {
      const col = columns[i];
      if (col === 'owner' && out.owner === '') out.owner = cleanOwner(c);
      else if (col === 'due' && out.due === '') out.due = c;
      else if (col !== 'no' && c !== '') texts.push(c);
    });
  } else {
    const rest = /^\(?\d{1,3}[.)．]?$/u.test(cells[0] ?? '') ? cells.slice(1) : [...cells];
    rest.forEach((c, i) => {
      if (i > 0 && out.due === '' && isDate(c)) out.due = c;
      else if (i > 0 && out.owner === '' && ownerLike(c)) out.owner = cleanOwner(c);
      else texts.push(c);
    });
  }
  out.text = texts.join(' ');
  return out;
}
