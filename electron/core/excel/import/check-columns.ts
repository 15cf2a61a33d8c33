// A column of check marks that says a record has reached a state (blind set 7, M4 and M9): 完了 / 済 /
// Done / ✓ with レ, ✓, ✔, ○, TRUE, 済, x against a record's name; 承認 ○/× or Approved? TRUE/FALSE and
// 反映済 / Implemented ✓ in a change log. Such a column is the record's status (or the change's decision):
// a checked cell is the state its header names — the status list's first closed item (done, closed,
// verified), or approved — and an unchecked one (blank, FALSE, ×, ☐) says only that the state is not
// reached, so the record keeps its default. Export writes the client's own mark back: its checked mark
// (a TRUE cell stays a boolean) for that state, its unchecked form for any other.
import type { Vocabularies, VocabListName } from '../../../common/registers.js';
import { fieldSpec, type ImportTarget } from '../../../common/excel/fields.js';
import { REGISTER_LIST } from '../../../common/registers/index.js';
import type { Cell } from '../../../common/excel/model.js';
import { labelKey, withoutBrackets } from './synonyms.js';

/** Marks a person ticks a box with (NFKC, lower case). */
const CHECKED = new Set(['レ', 'ﾚ', '✓', '✔', '✔️', '☑', '☒', '○', '◯', '〇', '●', '■', '済', '済み', 'x', 'v', 'y', 'yes', 'true', '1', 'done', 'ok']);
/** Marks of a box left unticked (a blank cell is one too). */
const UNCHECKED = new Set(['×', '✕', '✖', '☐', '□', '-', '－', 'ー', '未', 'n', 'no', 'false', '0']);

const markKey = (cell: Cell): string => (cell.t === 'b' ? String(cell.v) : String(cell.v ?? '')).normalize('NFKC').trim().toLowerCase();

/** A check cell's reading: true ticked, false unticked (blank too), undefined when the cell is no check mark. */
export function checkMark(cell: Cell | undefined): boolean | undefined {
  if (!cell || cell.t === 'e') return false;
  if (cell.t === 'b') return cell.v === true;
  if (cell.t !== 's' && cell.t !== 'n') return undefined;
  const key = markKey(cell);
  if (key === '') return false;
  if (CHECKED.has(key)) return true;
  if (UNCHECKED.has(key)) return false;
  return undefined;
}

/**
 * Header words of a state a tick says is reached, Japanese and English, with or without a question mark
 * or a "check" / "flag" word after them (完了チェック, 完了フラグ, Done?, Closed (Y/N)).
 */
// (Any act with 済 or 完了 after it — 対応済, 処理済, 回答済, 解決済, 対応完了 — says it is done: review U11.)
const DONE_WORDS = /^(?:完了|済|済み|[\p{Script=Han}\p{Script=Katakana}ー]{1,4}(?:済み?|完了)|終了|クローズ|反映|done|complete|completed|closed|finished|resolved|implemented|applied|deployed|released|✓|✔|レ|☑)$/u;
const APPROVED_WORDS = /^(?:承認|承認済み?|承認可否|可否|approved|approval|accepted|signedoff|sign-?off)$/;
const CHECK_TAIL = /(?:チェック|フラグ|欄|check|flag|\?|\(y\/n\)|y\/n)+$/;

/** The state a header names as a tick's meaning: done (the status list's closed state) or approved; null for any other header. */
function headerState(label: string): 'done' | 'approved' | null {
  const key = withoutBrackets(labelKey(label).replace(CHECK_TAIL, '')).replace(CHECK_TAIL, '');
  if (APPROVED_WORDS.test(key)) return 'approved';
  if (DONE_WORDS.test(key)) return 'done';
  return null;
}

/**
 * The field and code a tick in a column headed `label` gives the record: done → the register's status
 * field (the WBS's status) at its list's first closed item; approved → the list field that has an
 * approved item, a decision before a status. Null when the header names no such state.
 */
export function checkTarget(target: ImportTarget, label: string, vocab: Vocabularies): { field: string; code: string } | null {
  const state = headerState(label);
  if (state === null) return null;
  if (target === 'wbs') return state === 'done' ? { field: 'status', code: 'done' } : null;
  const register = REGISTER_LIST.find((d) => d.name === target);
  if (!register) return null;
  const listOf = (field: string) => {
    const spec = fieldSpec(target, field);
    return spec?.kind === 'vocab' ? vocab[spec.list as VocabListName]?.items ?? [] : [];
  };
  const status = register.tracking.status;
  if (state === 'done') {
    const closed = listOf(status).find((i) => i.closed);
    return closed ? { field: status, code: closed.code } : null;
  }
  const fields = Object.keys(register.vocab).sort((a, b) => Number(a === status) - Number(b === status));
  const field = fields.find((f) => listOf(f).some((i) => i.code === 'approved'));
  return field ? { field, code: 'approved' } : null;
}

/**
 * Whether a column's cells are ticks: every filled cell a check mark typed by hand, one at least ticked.
 * (A formula's 1 / 0 — a hidden helper's 完了フラグ, Closed Flag — is computed from the status, not set.)
 */
export function readsAsChecks(cells: readonly Cell[]): boolean {
  const filled = cells.filter((c) => !(c.t === 's' && String(c.v).trim() === ''));
  return !filled.some((c) => c.f) && filled.every((c) => checkMark(c) !== undefined) && filled.some((c) => checkMark(c) === true);
}

/** The code a tick in a column mapped to `field` means, or null when the column is no check column (its header names no state, or its cells are no ticks). */
export function checkCode(target: ImportTarget, field: string, label: string, cells: readonly Cell[], vocab: Vocabularies): string | null {
  const named = checkTarget(target, label, vocab);
  return named && named.field === field && readsAsChecks(cells) ? named.code : null;
}

/**
 * How a check column writes a state: the column's own ticked cell for its code (a boolean TRUE stays a
 * boolean), its own unticked form for any other (FALSE where it holds booleans, its × or ☐, else blank).
 */
export function checkWriter(cells: readonly Cell[]): { ticked: Cell; unticked: Cell | null } {
  const ticked = cells.find((c) => checkMark(c) === true) ?? { c: 0, t: 's', v: '✓' };
  const unticked = cells.find((c) => checkMark(c) === false && !(c.t === 's' && String(c.v).trim() === '')) ?? (ticked.t === 'b' ? { ...ticked, v: false } : null);
  return { ticked, unticked };
}
