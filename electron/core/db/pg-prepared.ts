// Which statements the PostgreSQL bridge's thread (pg-worker.ts) runs as named prepared statements. A
// named statement is parsed and planned by the server once per session and then only bound and run: an
// edit's statements spent 2.5 ms of server time per edit in parse and bind (planning) against 0.8 ms
// running, all of it inside the workspace's write lock that other writers queue on. Named only from a
// text's second use, up to a cap for the session: the texts with an `IN (?, ?, …)` list of each length,
// or an import's chunks, come once and would otherwise fill the server's memory with plans never reused.
// Past the cap, statements simply go unnamed as before (a session's everyday texts are a few hundred).

/** Named statements a session keeps at most (each holds a parse tree and, once chosen, a generic plan). */
export const PREPARED_CAP = 300;
/** Texts seen once that are remembered, waiting for a second use; forgotten all together past it. */
const SEEN_ONCE_CAP = 2_000;

export class PreparedNames {
  private readonly names = new Map<string, string>();
  private readonly seenOnce = new Set<string>();
  private made = 0;

  constructor(private readonly cap: number = PREPARED_CAP) {}

  /** The name to run `text` under, or undefined to run it unnamed (its first use, or the cap reached). */
  nameOf(text: string): string | undefined {
    const known = this.names.get(text);
    if (known !== undefined || this.names.size >= this.cap) return known;
    if (!this.seenOnce.delete(text)) {
      if (this.seenOnce.size >= SEEN_ONCE_CAP) this.seenOnce.clear();
      this.seenOnce.add(text);
      return undefined;
    }
    const name = `pmo_${++this.made}`;
    this.names.set(text, name);
    return name;
  }

  /**
   * Runs every text unnamed again, until each is named anew (under another name: the session still holds
   * the old ones). For a schema changed under the session: a colleague's newer PMO Desk added a column to
   * a table, and every statement that selects `*` from it fails as prepared (0A000, "cached plan must not
   * change result type"). All, not the one that failed: an edit reads with several, and its transaction
   * ends at the first failure, so forgetting one at a time failed the user's edits once per statement
   * (review S4).
   */
  forgetAll(): void {
    this.names.clear();
  }

  get size(): number {
    return this.names.size;
  }
}
