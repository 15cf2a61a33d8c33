// A WBS status column whose words our statuses and the stages of a record's life leave unread (予定 / 進行 /
// 完了 / 延期; 未着工 / 施工中 / 完工 / 保留; Queued / Rolling / Closed Out): read as a person reads a register's
// statuses, by their place in the client's list and by their stage (blind set 17, I4). The list runs along
// a task's life: its first word is the state before any work, the words after it and before its first
// done word are the work under way. A word with 完 (完工, 完成, 工事完) is done; held and dropped words are
// read by their stage (延期, 保留, On Hold). Without a list nothing else is placed: the rest stays unread
// (asked). Pure.
import type { WbsStatus } from '../../../common/dto.js';
import { wbsStatusOfStage } from './status-stages.js';
import { parseWbsStatus, wordKey } from './value-words.js';

/** What a word reads as by itself: one of our statuses, or its stage's; null where it says neither. */
function ownReading(word: string): WbsStatus | null {
  const own = parseWbsStatus(word);
  if (own.ok) return own.value;
  return wbsStatusOfStage(word);
}

/** Done by its 完 (完工, 完成, 竣工完, 工事完了), never a 未完 / 未完了 of work not finished. */
const FINISHED = /完/u;
const NOT_YET = /^未/u;

/**
 * The statuses of the column's words that no word table reads (keyed by wordKey), from their place in the
 * client's list (`clientList`: its validation list or the note listing its words, in order; null when it
 * has none) and their 完. Empty where every word reads by itself or nothing can place the rest.
 */
export function statusByPosition(used: Iterable<string>, clientList: readonly string[] | null): Map<string, WbsStatus> {
  const out = new Map<string, WbsStatus>();
  const words = [...new Set([...used].map((w) => w.trim()).filter((w) => w !== '' && ownReading(w) === null && wordKey(w) !== ''))];
  if (words.length === 0) return out;
  for (const w of words) if (FINISHED.test(w) && !NOT_YET.test(w)) out.set(wordKey(w), 'done');
  const list = (clientList ?? []).map((w) => w.trim()).filter((w) => w !== '');
  const read = (w: string) => ownReading(w) ?? out.get(wordKey(w)) ?? null;
  if (list.length >= 2 && words.every((w) => list.some((x) => wordKey(x) === wordKey(w)))) {
    const doneAt = list.findIndex((w) => read(w) === 'done');
    list.forEach((w, k) => {
      if (read(w) !== null) return;
      if (k === 0) out.set(wordKey(w), 'not_started');
      else if (doneAt < 0 || k < doneAt) out.set(wordKey(w), 'in_progress');
    });
    return out;
  }
  // No list: nothing more is placed. (A lone word left once took the one stage before done the column's
  // other words left free, 予定 beside 作業中 / 完了; but a re-import of the client's own file after a
  // record was deleted then read a word it had left unread, and the round trip broke: read by the words
  // present, not by the word.)
  return out;
}
