// Quick filters above every register: open rows only, overdue rows, and mine (the owner is a name the
// user gives once, kept in the workspace as ui.me). Each shows how many rows it would leave.
import { closedCodes, isOverdue, type RegisterName, type Vocabularies, type VocabListName } from '../../../../electron/common/registers.js';
import { REGISTER_LIST } from '../../../../electron/common/registers/index.js';

export type QuickFilter = 'open' | 'overdue' | 'mine';
export const QUICK_FILTERS: readonly QuickFilter[] = ['open', 'overdue', 'mine'];

/** Per register: the field whose list says open or closed, the due date, and whose row it is. */
const FIELDS = Object.fromEntries(
  REGISTER_LIST.map((d) => [d.name, { ...d.tracking, list: (d.vocab as Record<string, { list: VocabListName }>)[d.tracking.status]!.list }]),
) as Record<RegisterName, { status: string; list: VocabListName; due: string | null; owner: string }>;

/** Names compare without spaces and case: 山田 太郎 is 山田太郎. */
const fold = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

export function quickPredicate(
  register: RegisterName,
  filter: QuickFilter,
  ctx: { vocab: Vocabularies; today: string; me: string },
): (row: Record<string, unknown>) => boolean {
  const f = FIELDS[register];
  const closed = closedCodes(ctx.vocab[f.list]);
  const isOpen = (row: Record<string, unknown>) => !closed.has(String(row[f.status] ?? ''));
  if (filter === 'open') return isOpen;
  if (filter === 'overdue')
    return (row) => (f.due === null ? false : isOverdue((row[f.due] as string | null) ?? null, !isOpen(row), ctx.today));
  const me = fold(ctx.me);
  return (row) => me !== '' && fold(String(row[f.owner] ?? '')) === me;
}

/** The filters a register offers: 期限超過 only where its rows have a due date (the change log has none). */
export function quickFiltersOf(register: RegisterName): readonly QuickFilter[] {
  return FIELDS[register].due === null ? QUICK_FILTERS.filter((f) => f !== 'overdue') : QUICK_FILTERS;
}

/** How many rows each filter leaves. */
export function quickCounts(register: RegisterName, rows: readonly Record<string, unknown>[], ctx: { vocab: Vocabularies; today: string; me: string }): Record<QuickFilter, number> {
  const out = { open: 0, overdue: 0, mine: 0 };
  for (const f of QUICK_FILTERS) {
    const pass = quickPredicate(register, f, ctx);
    out[f] = rows.filter(pass).length;
  }
  return out;
}
