// Percentiles of a sample of durations (milliseconds), nearest-rank.
export interface Stats {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
  return { n: s.length, p50: rank(50), p95: rank(95), max: s[s.length - 1]! };
}

/** Milliseconds taken by `fn`, awaited. */
export async function time(fn: () => unknown): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/**
 * Milliseconds of CPU the process spent on `fn` (user + system, every thread): on a shared, loaded
 * machine a steadier figure than the wall clock, for work that runs on this process alone.
 */
export async function cpuTime(fn: () => unknown): Promise<number> {
  const c0 = process.cpuUsage();
  await fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

/** Stats of `n` timed runs of `fn` (given the run's index), one after another. */
export async function repeat(n: number, fn: (i: number) => unknown): Promise<Stats> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) samples.push(await time(() => fn(i)));
  return stats(samples);
}
