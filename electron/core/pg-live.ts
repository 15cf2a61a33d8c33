// Team mode's live refresh, on the server's side: one connection of the workspace LISTENs on
// pmo_batches, which every committed batch announces (drizzle/pg/migrations 0007_batch_notify), so a
// page's history.since can wait for the next batch instead of asking every half second (handlers/
// history.ts). The connection is async, in the workspace thread's event loop: an announcement that
// arrives while the thread is busy in a statement is taken once it is free, and a batch committed before
// the wait began is read by the wait's own first read, so none is missed.
//
// Where the connection is not (yet, or any more) open, a wait ends after FALLBACK_MS, as the polling
// did; the connection is opened again at the next wait.
import pg from 'pg';

const CHANNEL = 'pmo_batches';
const FALLBACK_MS = 500;
const RETRY_AFTER_MS = 5_000;

export class BatchAnnouncements {
  private client: pg.Client | null = null;
  private listening = false;
  private connecting = false;
  private lastFailure = 0;
  private closed = false;
  private readonly waiters = new Set<() => void>();

  constructor(private readonly config: pg.ClientConfig) {}

  /** Resolves at the next batch any client commits, or after `ms` (FALLBACK_MS while not listening). */
  next(ms: number): Promise<void> {
    this.listen();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, this.listening ? ms : Math.min(ms, FALLBACK_MS));
      this.waiters.add(done);
    });
  }

  close(): void {
    this.closed = true;
    this.wakeAll();
    void this.client?.end().catch(() => undefined);
    this.client = null;
  }

  private wakeAll(): void {
    for (const w of [...this.waiters]) w();
  }

  private listen(): void {
    if (this.closed || this.client || this.connecting || Date.now() - this.lastFailure < RETRY_AFTER_MS) return;
    this.connecting = true;
    const client = new pg.Client(this.config);
    const lost = () => {
      if (this.client === client) this.client = null;
      this.listening = false;
      this.lastFailure = Date.now();
      // The waits end now and ask again: their next wait opens the connection again.
      this.wakeAll();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (n) => {
      if (n.channel === CHANNEL) this.wakeAll();
    });
    client
      .connect()
      .then(() => client.query(`LISTEN ${CHANNEL}`))
      .then(() => {
        this.connecting = false;
        if (this.closed) return void client.end().catch(() => undefined);
        this.client = client;
        this.listening = true;
      })
      .catch(() => {
        this.connecting = false;
        lost();
        void client.end().catch(() => undefined);
      });
  }
}
