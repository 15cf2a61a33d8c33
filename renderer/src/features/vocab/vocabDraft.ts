// The vocabulary editor's working copy of one list: reorder, add, remove, fill in codes nobody typed,
// and the same uniqueness rule the core applies (every code and label names one item only).
import { normalizeLabel, type VocabItem, type VocabListName } from '../../../../electron/common/registers.js';

export interface DraftItem extends VocabItem {
  /** Stable React key. */
  key: number;
  /** Came from the stored list: its code is fixed (rows may hold it). */
  saved: boolean;
}

let nextKey = 1;

export function toDraft(items: readonly VocabItem[], saved = true): DraftItem[] {
  return items.map((i) => ({ ...i, key: nextKey++, saved }));
}

export function blankItem(): DraftItem {
  return { code: '', labelJa: '', labelEn: '', closed: false, key: nextKey++, saved: false };
}

export function move<T>(items: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  if (to < 0 || to >= items.length) return [...items];
  const out = [...items];
  [out[index], out[to]] = [out[to]!, out[index]!];
  return out;
}

/** Lists whose items can mean "closed" (not overdue; age stops): the status lists. */
export function hasClosedFlag(list: VocabListName): boolean {
  return list === 'risk.status' || list === 'issue.status' || list === 'change.implStatus';
}

/** Codes left empty get one (item1, item2… not used by another item), so people need only type labels. */
export function fillCodes(items: readonly DraftItem[]): DraftItem[] {
  const used = new Set(items.map((i) => normalizeLabel(i.code)).filter(Boolean));
  let n = 0;
  return items.map((i) => {
    if (i.code.trim() !== '') return { ...i, code: i.code.trim() };
    let code: string;
    do code = `item${++n}`;
    while (used.has(code));
    used.add(code);
    return { ...i, code };
  });
}

export interface DraftProblem {
  /** 0-based item index. */
  index: number;
  field: 'code' | 'labelJa' | 'labelEn';
  problem: 'empty' | 'duplicate';
  /** For a duplicate: the 0-based index of the item that already uses the text. */
  other?: number;
}

/** What the core would refuse, found before sending: empty Japanese labels, codes or labels used twice. */
export function checkDraft(items: readonly VocabItem[]): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const owner = new Map<string, number>();
  items.forEach((it, index) => {
    if (it.labelJa.trim() === '') problems.push({ index, field: 'labelJa', problem: 'empty' });
    for (const field of ['code', 'labelJa', 'labelEn'] as const) {
      const key = normalizeLabel(it[field]);
      if (key === '') continue;
      const other = owner.get(key);
      if (other !== undefined && other !== index) problems.push({ index, field, problem: 'duplicate', other });
      else owner.set(key, index);
    }
  });
  return problems;
}

/** What vocab.set takes. */
export function toItems(items: readonly VocabItem[]): VocabItem[] {
  return items.map(({ code, labelJa, labelEn, closed }) => ({ code: code.trim(), labelJa: labelJa.trim(), labelEn: labelEn.trim(), closed }));
}

export function sameItems(a: readonly VocabItem[], b: readonly VocabItem[]): boolean {
  return JSON.stringify(toItems(a)) === JSON.stringify(toItems(b));
}
