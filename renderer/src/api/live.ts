// Team mode's live refresh: a page on a team database asks every LIVE_POLL_MS what batches were written
// since it last asked (history.since), and reloads every query reading an entity a colleague's batch
// touched (useApi.ts refresh), so an edit made on another PMO Desk shows here within a second. The
// page's own writes refresh it already (mutate); batches by this page's user are left to those.
import { call } from './client.js';
import { HISTORY, refresh } from './useApi.js';

const LIVE_POLL_MS = 500;

/** The last colleague's change seen: who, what (the batch's label) and when. */
export interface LiveNotice {
  who: string;
  /** The PostgreSQL role that wrote it (history.since). */
  role: string | null;
  label: string;
  at: string;
}

/** Starts asking; `me`: this page's user; `notice`: hears each colleague's change. Answers the stop. */
export function startLive(me: string, notice: (n: LiveNotice) => void): () => void {
  let seq: number | null = null;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = async () => {
    try {
      const answer = await call('history.since', seq === null ? {} : { after: seq });
      seq = answer.seq;
      const theirs = answer.batches.filter((b) => b.who !== me);
      if (theirs.length > 0) {
        await refresh([...new Set([...theirs.flatMap((b) => b.entities), HISTORY])]);
        const last = theirs.at(-1)!;
        notice({ who: last.who, role: last.role, label: last.label, at: last.at });
      }
    } catch {
      // The server out of reach: the page's own calls say so; ask again at the next tick.
    }
    if (!stopped) timer = setTimeout(() => void tick(), LIVE_POLL_MS);
  };
  void tick();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
