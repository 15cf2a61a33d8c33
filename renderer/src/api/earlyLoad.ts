// A screen's first reads, asked for at the app's start (main.tsx) when the address opens that screen, so
// the workspace reads and sends while the page's script loads and runs rather than after the screen has
// mounted. Taken once, by the screen's first mount, and for the key it was asked for (the routed
// project); any navigation before that drops it, so a later visit never shows data read back then. The
// WBS (wbsLoad.ts) and the home (homeLoad.ts) ask theirs through it.

export interface EarlyLoad<K, T> {
  /** Keeps `load` for `key`: `pending` are its promises, whose failures are the taking screen's to show. */
  keep(key: K, load: T, pending: readonly Promise<unknown>[]): void;
  /** The load kept for `key`, once; undefined after that, after a navigation, or for another key. */
  take(key: K): T | undefined;
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
    take(key) {
      const taken = early;
      early = null;
      return taken !== null && taken.key === key ? taken.load : undefined;
    },
  };
}
