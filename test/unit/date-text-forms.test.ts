// Every text form of a date the import reads is the form an export writes a changed date in (issue 10,
// "only its mapped cells that changed are rewritten, in the client's way"; blind set 12, E1: 23-May-2025
// came back 2025/05/26). Property over random dates: what the column's style writes reads back as the
// date (parse(format(d)) == d) and has the shape of the client's own cells (digits and words where
// theirs are, the same separators).
import { describe, expect, it } from 'vitest';
import { dateTextStyle, parseDateText, type ShortYearForm, type SlashOrder } from '../../electron/common/excel/client-dates.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const JA_DAYS = '日月火水木金土';
const ERA = (y: number) => (y >= 2019 ? `令和${y - 2018}` : `平成${y - 1988}`);
const ERA_LETTER = (y: number) => (y >= 2019 ? `R${y - 2018}` : `H${y - 1988}`);

/** Forms by example: [name, writes a date as the client would, the column's day/month order, its short year]. */
type Form = [string, (y: number, m: number, d: number, wd: number) => string, SlashOrder?, ShortYearForm?];
const two = (n: number) => String(n).padStart(2, '0');
const FORMS: Form[] = [
  ['yyyy/m/d', (y, m, d) => `${y}/${m}/${d}`],
  ['yyyy-mm-dd', (y, m, d) => `${y}-${two(m)}-${two(d)}`],
  ['yyyy.mm.dd', (y, m, d) => `${y}.${two(m)}.${two(d)}`],
  ['yyyy/mm/dd(曜)', (y, m, d, wd) => `${y}/${two(m)}/${two(d)}(${JA_DAYS[wd]})`],
  ['yyyy年m月d日', (y, m, d) => `${y}年${m}月${d}日`],
  ['令和7年4月1日', (y, m, d) => `${ERA(y)}年${m}月${d}日`],
  ['R7.4.1', (y, m, d) => `${ERA_LETTER(y)}.${m}.${d}`],
  ['m/d/yyyy', (y, m, d) => `${m}/${d}/${y}`, 'mdy'],
  ['dd/mm/yyyy', (y, m, d) => `${two(d)}/${two(m)}/${y}`, 'dmy'],
  ['m/d/yy', (y, m, d) => `${m}/${d}/${two(y % 100)}`, 'mdy', 'yearLast'],
  ['Ddd m/d/yy', (y, m, d, wd) => `${DAYS[wd]} ${m}/${d}/${two(y % 100)}`, 'mdy', 'yearLast'],
  ['dd-Mon-yyyy', (y, m, d) => `${two(d)}-${MONTHS[m - 1]!.slice(0, 3)}-${y}`],
  ['d-Mon-yy', (y, m, d) => `${d}-${MONTHS[m - 1]!.slice(0, 3)}-${two(y % 100)}`],
  ['d Month yyyy', (y, m, d) => `${d} ${MONTHS[m - 1]} ${y}`],
  ['dd/MON/yy', (y, m, d) => `${two(d)}/${MONTHS[m - 1]!.slice(0, 3).toUpperCase()}/${two(y % 100)}`],
  ['Mon d, yyyy', (y, m, d) => `${MONTHS[m - 1]!.slice(0, 3)} ${d}, ${y}`],
  ['Month d yyyy', (y, m, d) => `${MONTHS[m - 1]} ${d} ${y}`],
  ['m/d', (_y, m, d) => `${m}/${d}`],
  ['m月d日', (_y, m, d) => `${m}月${d}日`],
  ['m/d(曜)', (_y, m, d, wd) => `${m}/${d}(${JA_DAYS[wd]})`],
  ['Mon d', (_y, m, d) => `${MONTHS[m - 1]!.slice(0, 3)} ${d}`],
  ['d-Mon', (_y, m, d) => `${d}-${MONTHS[m - 1]!.slice(0, 3)}`],
  ['Ddd m/d', (_y, m, d, wd) => `${DAYS[wd]} ${m}/${d}`],
];

/** A seeded generator (the same dates every run). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1_664_525 + 1_013_904_223) >>> 0) / 2 ** 32);
}
const parts = (iso: string) => iso.split('-').map(Number) as [number, number, number];
const weekday = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).getUTCDay();
const plus = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** What a person sees of a date's text: digits as 9, a word as its case (Aa, AAA, a), the rest as typed. */
const shape = (t: string) => t.replace(/\d+/g, '9').replace(/[A-Za-z]+/g, (w) => (w === w.toUpperCase() ? 'A' : w[0] === w[0]!.toUpperCase() ? 'Aa' : 'a')).replace(/[日月火水木金土](?=[)）])/, '曜');

describe('a changed date is written in the text form of its column', () => {
  const REFERENCE = '2025-06-14';
  const client = ['2025-05-23', '2025-06-02', '2025-06-14', '2025-07-09'];
  for (const [name, write, order = 'mdy', shortYear] of FORMS)
    it(`${name}: reads back as the date, in the column's shape`, () => {
      const texts = client.map((iso) => write(...parts(iso), weekday(...parts(iso))));
      const style = dateTextStyle(texts, order, shortYear, REFERENCE);
      expect(style, `${name}: no style learned from ${texts.join(' ')}`).not.toBeNull();
      const next = random(name.length * 7919);
      for (let i = 0; i < 60; i++) {
        // Within five months of the column's dates: a yearless form says such a date without its year.
        const iso = plus(REFERENCE, Math.floor(next() * 300) - 150);
        const out = style!(iso);
        const read = parseDateText(out, REFERENCE, order, shortYear);
        expect(read.ok && read.iso, `${name}: ${iso} written ${out}`).toBe(iso);
        expect(shape(out), `${name}: ${iso} written ${out}`).toBe(shape(write(...parts(iso), weekday(...parts(iso)))));
      }
    });

  it('keeps zero padding only where the column pads', () => {
    expect(dateTextStyle(['23-May-2025', '02-Jun-2025'], 'mdy')!('2025-07-04')).toBe('04-Jul-2025');
    expect(dateTextStyle(['23-May-2025', '2-Jun-2025'], 'mdy')!('2025-07-04')).toBe('4-Jul-2025');
  });

  it('writes four digits where a two-digit year would read as another century', () => {
    expect(dateTextStyle(['2 Jun 25'], 'mdy')!('2031-01-02')).toBe('2 Jan 2031');
  });
});
