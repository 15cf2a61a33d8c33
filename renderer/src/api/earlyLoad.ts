// A screen's first reads, asked for at the app's start (main.tsx) when the address opens that screen, so
// the workspace reads and sends while the page's script loads and runs rather than after the screen has
// mounted. Read by the screen's first render, for the key it was asked for (the routed project), and
// given up once that screen has mounted; any navigation before that drops it, so a later visit never
// shows data read back then. The WBS (wbsLoad.ts) and the home (homeLoad.ts) ask theirs through it.

export interface EarlyLoad<K, T> {
  /** Keeps `load` for `key`: `pending` are its promises, whose failures are the taking screen's to show. */
  keep(key: K, load: T, pending: readonly Promise<unknown>[]): void;
  /**
   * The load kept for `key`; undefined after a navigation, once a screen mounted with it (`taken`), or
   * for another key (which drops it). Read while rendering, it stays kept until `taken`: React may throw
   * a first render away and run it again (one interrupted by another update, or suspended), and a take
   * that emptied it left the second render to read everything again (the WBS's first rows twice).
   */
  peek(key: K): T | undefined;
  /** The screen rendered with `load` has mounted (call from an effect): a later visit reads its own. */
  taken(load: T): void;
}

export function earlyLoad<K, T>(): EarlyLoad<K, T> {
  let early: { key: K; load: T } | null = null;
  return {
    keep(key, load, pending) {
      // Until a screen takes them, a failure is no unhandled rejection.
      for (const p of pending) p.catch(() => undefined);
      early = { key, load };
      window.addEventListener('hashchange', () => (early = null), { once: true });
    },
    peek(key) {
      if (early !== null && early.key !== key) early = null;
      return early?.load;
    },
    taken(load) {
      if (early?.load === load) early = null;
    },
  };
}
