// The progress line's points: behind, ahead, finished, not yet due, and rows it passes straight by.
import { describe, expect, it } from 'vitest';
import { progressLine } from '../../renderer/src/features/progress/progressLine.js';

describe('progress line (イナズマ線)', () => {
  // Status date: day 10 (the line stands at 11, the end of that day).
  const row = (r: number, start: number | null, finish: number | null, progress: number, summary = false) => ({ row: r, start, finish, progress, summary });
  it("bends to each task's progress, and stays at the status date where a task is on time", () => {
    expect(
      progressLine(
        [
          row(0, 0, 20, 0, true), // summary: straight
          row(1, 5, 14, 30), // 10 days, 30 % → day 8: behind
          row(2, 8, 11, 100), // finished, bar ends at 12: past the status date → 12
          row(3, 0, 4, 100), // finished long ago → status date
          row(4, 12, 15, 0), // starts after the status date → status date
          row(5, 9, 10, 0), // should have started → its start, 9
          row(6, 9, 18, 50), // 10 days, 50 % → 14: ahead
          row(7, null, null, 40), // no dates: straight
        ],
        10,
      ),
    ).toEqual([
      { row: 1, at: 8 },
      { row: 2, at: 12 },
      { row: 3, at: 11 },
      { row: 4, at: 11 },
      { row: 5, at: 9 },
      { row: 6, at: 14 },
    ]);
  });
});
