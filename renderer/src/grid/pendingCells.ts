// Many writers: an edit says what its cell showed when it began (`expected`), and the core refuses it as
// a colleague's change when the stored value differs (common/stale-edit.ts). The grids write through the
// core (readOnlyEdit): a cell edited again before the first edit's answer still shows the value the
// first edit replaces, so the second edit would say it began from that, and be refused as a conflict
// against oneself. This remembers, per cell, the value this page has sent and not yet seen answered: an
// edit or a paste of such a cell began from what this page sent last.

type Values = Record<string, unknown>;

const key = (id: number, field: string) => `${id}\u0000${field}`;

export class PendingCells {
  private readonly sent = new Map<string, { value: unknown; n: number }>();
  private n = 0;

  /** What an edit of the cell began from: the value last sent to it and not yet answered, else what it shows. */
  began(id: number, field: string, shown: unknown): unknown {
    const k = key(id, field);
    return this.sent.has(k) ? this.sent.get(k)!.value : (shown ?? null);
  }

  /** What each cell of `patch` began from (as `began`), the row as the grid shows it; `skip`: fields not compared. */
  beganAll(id: number, patch: Values, shown: Values | undefined, skip: (field: string) => boolean = () => false): Values {
    return Object.fromEntries(Object.keys(patch).filter((f) => !skip(f)).map((f) => [f, this.began(id, f, shown?.[f])]));
  }

  /**
   * Marks the cells of `updates` sent. The function returned, called once the call has answered (written
   * or refused), forgets them, except a cell sent again since (its newer value is the one in flight).
   */
  send(updates: readonly { id: number; patch: Values }[]): () => void {
    const n = ++this.n;
    const keys = updates.flatMap((u) => Object.keys(u.patch).map((f) => [key(u.id, f), u.patch[f]] as const));
    for (const [k, value] of keys) this.sent.set(k, { value, n });
    return () => {
      for (const [k] of keys) if (this.sent.get(k)?.n === n) this.sent.delete(k);
    };
  }
}
