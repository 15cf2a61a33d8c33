// Team mode's live refresh: a page on a team database asks what batches were written since it last asked
// (history.since), the answer waiting until the next batch is committed (the server announces each:
// LISTEN/NOTIFY, core/pg-live.ts) or LIVE_WAIT_MS, and reloads every query reading an entity another's
// batch touched (useApi.ts refresh), so an edit made on another PMO Desk shows here at once. The page's
// own writes refresh it already (mutate): batches this page wrote (`mine`) are left to those, while another
// window of the same user is refreshed like a colleague's (not named as one).
import { call } from './client.js';
import { HISTORY, refresh } from './useApi.js';

// Short enough that closing the workspace (a quit, a switch of database), which waits for its calls, is not held long.
const LIVE_WAIT_MS = 2000;
/** After a failed ask (the server out of reach), the next one waits this long. */
const RETRY_MS = 1000;

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
  let delay = 0;
  const tick = async () => {
    try {
      const answer = await call('history.since', seq === null ? {} : { after: seq, wait: LIVE_WAIT_MS }, { background: true });
      seq = answer.seq;
      const others = answer.batches.filter((b) => !b.mine);
      if (others.length > 0) {
        await refresh([...new Set([...others.flatMap((b) => b.entities), HISTORY])]);
        // Named when a colleague's: a change from another window of one's own is refreshed silently.
        const last = others.filter((b) => b.who !== me).at(-1);
        if (last) notice({ who: last.who, role: last.role, label: last.label, at: last.at });
      }
      delay = 0;
    } catch {
      // The server out of reach: the page's own calls say so; ask again a little later.
      delay = RETRY_MS;
    }
    if (!stopped) timer = setTimeout(() => void tick(), delay);
  };
  void tick();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
