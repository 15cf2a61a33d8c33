/**
 * The fields of `patch` whose value differs from `row`, as before/after pairs for the audit trail;
 * null when nothing changes (so a no-op edit writes nothing).
 */
export function changedFields<R extends object, P extends Partial<R>>(
  row: R,
  patch: P,
): { before: Partial<R>; after: Partial<R> } | null {
  const before: Partial<R> = {};
  const after: Partial<R> = {};
  let any = false;
  for (const key of Object.keys(patch) as (keyof P & keyof R)[]) {
    const next = patch[key];
    if (next === undefined || Object.is(row[key], next)) continue;
    before[key] = row[key];
    after[key] = next as R[typeof key];
    any = true;
  }
  return any ? { before, after } : null;
}
