// The progress line (イナズマ線) of a status date, as points on the Gantt's day axis (fractional days;
// day d covers [d, d + 1)). The line runs down the status date's end and, at each task, bends to where
// the task's progress reaches along its bar: left of the status date a task is behind, right of it
// ahead. A task finished (100 %) is at its bar's end or the status date, whichever is later; a task not
// started whose bar starts after the status date is on time, so the line stays at the status date.
// Summaries and tasks without dates leave the line straight.

export interface LineTask {
  /** Row index in the Gantt. */
  row: number;
  start: number | null;
  finish: number | null;
  /** 0–100. */
  progress: number;
  summary: boolean;
}

export interface LinePoint {
  row: number;
  /** Position in days along the axis. */
  at: number;
}

export function progressLine(tasks: readonly LineTask[], statusDay: number): LinePoint[] {
  const status = statusDay + 1; // the end of the status date
  const out: LinePoint[] = [];
  for (const t of tasks) {
    if (t.summary || t.start === null || t.finish === null) continue;
    const begin = t.start;
    const end = t.finish + 1;
    let at: number;
    if (t.progress >= 100) at = Math.max(end, status);
    else if (t.progress <= 0 && begin >= status) at = status;
    else at = begin + ((end - begin) * t.progress) / 100;
    out.push({ row: t.row, at });
  }
  return out;
}
