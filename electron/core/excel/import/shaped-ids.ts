// A client's record IDs told by their cells (issue 11; blind set 18, I1b and I4b): distinct values that
// share one prefix+number shape (RSV-0031 …, CRQ-27-012 …, F-01 …, DM-G-101 / DM-E-201). One reading for
// detection (such a column near the left is the records' ID, over a column only numbering the rows), the
// dialog's question (asked with ref offered where its header word names nothing the register knows) and
// the title's choice (IDs name no record). Read as the ref, the column numbers the rows for the data's end
// too: a row holding nothing but a pre-issued ID is a prepared row (data-range.ts).
import type { ImportTarget } from '../../../common/excel/fields.js';
import { namesOtherRecord, numberedThing } from './synonyms.js';

/** How far from the left a record's ID stands: among the table's first three columns (a row number, a margin column before it). */
export const ID_POSITIONS = 3;

/** Records an ID column may leave blank before it is no ID column (one in ten, a record not yet numbered). */
export const ID_BLANK_SHARE = 0.1;

/** Least IDs before their shape says anything (two could share a shape by chance). */
const LEAST_IDS = 3;

/**
 * The shape of a prefixed ID: letter runs as A, digit runs as 9, the separators kept (RSV-0031 → A-9,
 * CRQ-27-012 → A-9-9, DM-G-101 → A-A-9, TQ0880 → A9); null for anything else — a plain number (the rows'
 * numbering, read apart), a WBS code (1.2.1), words with spaces, a code ending in a letter (JA835A).
 */
export function idShape(text: string): string | null {
  const t = text.normalize('NFKC').trim();
  if (t.length > 24 || !/^\p{L}[\p{L}\p{N}._/#-]*\d$/u.test(t)) return null;
  return t.replace(/\p{L}+/gu, 'A').replace(/\d+/g, '9');
}

/** The letters an ID opens with (RSV of RSV-0031, DM of DM-G-101), folded. */
const leadingLetters = (text: string) => /^\p{L}+/u.exec(text.normalize('NFKC').trim())![0].toUpperCase();

/**
 * Whether `texts` are IDs of one scheme: at least three, each prefixed (idShape), all of one shape and
 * opening with the same letters, none twice. (Codes of one shape but other letters — A1, G2, R5 areas,
 * Berth7 / Gate3 — name things, not records.)
 */
export function oneIdScheme(texts: readonly string[]): boolean {
  if (texts.length < LEAST_IDS || new Set(texts.map((t) => t.normalize('NFKC').trim())).size !== texts.length) return false;
  const shape = idShape(texts[0]!);
  if (shape === null) return false;
  const letters = leadingLetters(texts[0]!);
  return texts.every((t) => idShape(t) === shape && leadingLetters(t) === letters);
}

/**
 * A column's texts are distinct IDs of one scheme (oneIdScheme), nearly all of them — a sample runs on under
 * the table, where a note or two stand in the same column — of Latin letters and two digits or more
 * (CHG0031542, RQ-2027-0113): 課題1, テスト2 are the names of a generated or a lazy register, no IDs.
 */
export function idsAmongTexts(texts: readonly string[] | null): boolean {
  const ids = texts?.filter((t) => /^[A-Za-z]/.test(t) && (t.match(/\d/g)?.length ?? 0) >= 2 && idShape(t) !== null) ?? [];
  return texts !== null && ids.length >= ID_SHARE * texts.length && oneIdScheme(ids);
}
const ID_SHARE = 0.7;

/** Words naming a code rather than a number (Log Ref., Case Reference, 管理コード): an ID's header all the same. */
const ID_WORD = /(?:^|[\s._-])(?:ref\.?|reference|code)$|コード$/i;

/**
 * Whether a header (its lowest label) names a number or code of the register's own records — of any noun
 * the register does not call another's (票番号, Obs. No., Log Ref., Risk Reference, No.) — so that IDs of
 * one scheme under it are the records' IDs to take or to ask about. A header naming something else
 * (所属 / Department over T-100 …: a team's codes) keeps its column the client's, whatever its cells.
 */
export function namesIdHeader(target: ImportTarget, label: string): boolean {
  const word = label.split(' / ').pop()!.normalize('NFKC').trim();
  const x = numberedThing(word);
  return (x !== null && !namesOtherRecord(target, x)) || ID_WORD.test(word);
}
