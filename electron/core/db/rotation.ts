// Which backups the rotation keeps: the newest backup of each of the last 7 days, 4 weeks and 12 months
// that have a backup (days, ISO weeks and months of this machine's calendar), the last 10 taken before
// a risky operation (import, project delete, restore, migration), and the last 10 made by hand (so a
// day of imports never pushes out the one the user made on purpose), and the last 10 rescued when the
// workspace file was deleted or replaced under the app. Counting periods that have a
// backup, not calendar periods, keeps a month-long holiday from emptying the daily slots.
import type { BackupInfo, BackupReason } from '../../common/dto.js';

export const ROTATION = { daily: 7, weekly: 4, monthly: 12, beforeOperations: 10, manual: 10, rescue: 10 } as const;

const RISKY: ReadonlySet<BackupReason> = new Set<BackupReason>(['import', 'project-delete', 'restore', 'migration']);

export function isBeforeOperation(reason: BackupReason): boolean {
  return RISKY.has(reason);
}

/** Ids to keep among one workspace's backups. `now` only guards against clocks set back: nothing newer is dropped. */
export function keepByRotation(backups: readonly Pick<BackupInfo, 'id' | 'takenAt' | 'reason'>[], now: Date): Set<string> {
  const newestFirst = [...backups].sort((a, b) => (a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : 0));
  const keep = new Set<string>();
  // A backup dated after now (a clock moved back) is never the one the rotation throws away.
  for (const b of newestFirst) if (Date.parse(b.takenAt) > now.getTime()) keep.add(b.id);
  const slots = (count: number, period: (d: Date) => string) => {
    const seen = new Set<string>();
    for (const b of newestFirst) {
      const key = period(new Date(b.takenAt));
      if (seen.has(key)) continue;
      if (seen.size === count) break;
      seen.add(key);
      keep.add(b.id);
    }
  };
  slots(ROTATION.daily, dayKey);
  slots(ROTATION.weekly, isoWeekKey);
  slots(ROTATION.monthly, (d) => `${d.getFullYear()}-${d.getMonth() + 1}`);
  for (const b of newestFirst.filter((b) => RISKY.has(b.reason)).slice(0, ROTATION.beforeOperations)) keep.add(b.id);
  for (const b of newestFirst.filter((b) => b.reason === 'manual').slice(0, ROTATION.manual)) keep.add(b.id);
  for (const b of newestFirst.filter((b) => b.reason === 'rescue').slice(0, ROTATION.rescue)) keep.add(b.id);
  return keep;
}

function dayKey(d: Date): string {
  return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
}

/** ISO 8601 week of the local date: weeks start on Monday and belong to the year of their Thursday. */
export function isoWeekKey(d: Date): string {
  const day = new Date(d.getFullYear(), d.getMonth(), d.getDate());
  const weekday = (day.getDay() + 6) % 7; // Monday 0 … Sunday 6
  day.setDate(day.getDate() - weekday + 3); // that week's Thursday
  const yearStart = new Date(day.getFullYear(), 0, 1);
  const days = Math.round((day.getTime() - yearStart.getTime()) / 86_400_000); // round: a DST day is 23 or 25 hours
  const week = 1 + Math.floor(days / 7);
  return `${day.getFullYear()}-W${week}`;
}
