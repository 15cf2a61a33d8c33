// Japanese national holidays from @holiday-jp/holiday_jp's bundled table (1970–2050, maintained with
// each year's Cabinet Office announcement): read from the package, never fetched at run time.
import holidayTable from '@holiday-jp/holiday_jp/lib/holidays.js';

type Entry = { date: string; name: string };

let byDate: Record<string, string> | null = null;

/** yyyy-mm-dd → the holiday's Japanese name. */
export function nationalHolidays(): Readonly<Record<string, string>> {
  if (!byDate) {
    byDate = {};
    for (const e of Object.values(holidayTable as unknown as Record<string, Entry>)) byDate[e.date] = e.name;
  }
  return byDate;
}
