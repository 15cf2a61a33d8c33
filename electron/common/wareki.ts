// 和暦: the Japanese era a date falls in (令和7年), for the headers of a schedule shown or printed the
// way Japanese public bodies and many clients date them. Eras from 明治 6 (1873), when Japan took the
// Gregorian calendar; each begins on its day (令和 on 2019-05-01, so April 2019 is still 平成31年).

/** The eras, newest first: name, the letter clients abbreviate it to (R7.4.1), first day, Gregorian year of its 元年. */
export const ERAS: readonly { name: string; letter: string; from: string; year: number }[] = [
  { name: '令和', letter: 'R', from: '2019-05-01', year: 2019 },
  { name: '平成', letter: 'H', from: '1989-01-08', year: 1989 },
  { name: '昭和', letter: 'S', from: '1926-12-25', year: 1926 },
  { name: '大正', letter: 'T', from: '1912-07-30', year: 1912 },
  { name: '明治', letter: 'M', from: '1868-01-25', year: 1868 },
];

/** The era a yyyy-mm-dd day falls in, or undefined before 明治. */
export function eraOf(isoDay: string): (typeof ERAS)[number] | undefined {
  return ERAS.find((e) => isoDay >= e.from);
}

/** The era and its year of a yyyy-mm-dd day (元 for the first year), or null before 明治. */
export function warekiYear(isoDay: string): { era: string; year: number; text: string } | null {
  const era = eraOf(isoDay);
  if (!era) return null;
  const year = Number(isoDay.slice(0, 4)) - era.year + 1;
  return { era: era.name, year, text: `${era.name}${year === 1 ? '元' : year}年` };
}
