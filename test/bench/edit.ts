// Edit round trip on a 10,000-task WBS: wbs.update from the call to the answer, through the SQLite
// write, its audit rows and the roll-up of every ancestor. In-process via handlers.invoke, and over
// the loopback web host as the browser calls it (HTTP POST with the token).
import type { Handlers } from '../../electron/core/envelope.js';
import type { RunningHost } from '../../electron/host/server.js';
import { stats, time, type Stats } from './stats.js';

/** The patches cycled through: rolled-up fields (so every ancestor is recomputed) and plain text. */
export function patch(i: number): Record<string, unknown> {
  switch (i % 4) {
    case 0:
      return { plannedEffort: 1 + (i % 9) * 0.5 };
    case 1:
      return { progress: (i * 7) % 101 };
    case 2:
      return { plannedFinish: `2025-0${1 + (i % 9)}-${10 + (i % 18)}` };
    default:
      return { name: `タスク 編集 ${i}` };
  }
}

/** A fixed pseudo-random walk over the leaves, so runs are comparable. */
export function picker(leaves: number[]): (i: number) => number {
  return (i) => leaves[(i * 7919 + 13) % leaves.length]!;
}

/** All edits, and split by kind: rolled-up fields (three ancestors recomputed) and a text field. */
export async function editInProcess(handlers: Handlers, leaves: number[], n: number, warmup = 30): Promise<{ all: Stats; rolled: Stats; text: Stats; samples: number[] }> {
  const pick = picker(leaves);
  const all: number[] = [];
  const rolled: number[] = [];
  const text: number[] = [];
  for (let i = 0; i < warmup + n; i++) {
    const args = { id: pick(i), patch: patch(i) };
    const ms = await time(async () => {
      const env = await handlers.invoke('wbs.update', args);
      if (!env.ok) throw new Error(env.error.message);
    });
    if (i < warmup) continue;
    all.push(ms);
    (i % 4 === 3 ? text : rolled).push(ms);
  }
  return { all: stats(all), rolled: stats(rolled), text: stats(text), samples: all };
}

export async function editOverHttp(host: RunningHost, leaves: number[], n: number, warmup = 30): Promise<Stats> {
  const pick = picker(leaves);
  const samples: number[] = [];
  for (let i = 0; i < warmup + n; i++) {
    const body = JSON.stringify({ id: pick(i + 100_003), patch: patch(i) });
    const ms = await time(async () => {
      const res = await fetch(`http://127.0.0.1:${host.port}/api/wbs.update`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-PMO-Token': host.token },
        body,
      });
      const env = (await res.json()) as { ok: boolean; error?: { message: string } };
      if (!env.ok) throw new Error(env.error?.message);
    });
    if (i >= warmup) samples.push(ms);
  }
  return stats(samples);
}
