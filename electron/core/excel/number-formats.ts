// Which number formats show a date. Excel stores a date as a plain number; only the cell's format
// says "this is 2025/4/1". Built-in ids 14–17 and 22 are dates everywhere; 27–31, 34–36 and 50–58 are
// the Japanese locale's date formats (和暦 ge.m.d, yyyy"年"m"月"d"日" …); 18–21, 32–33 and 45–47 are
// times. Custom formats are dates when, outside quoted text, escapes and [..] sections, they use
// y, d, e (era year), g (era name), or m next to one of those.

export type FormatClass = 'general' | 'date' | 'time' | 'number';

/** Built-in format codes we may report (the ids Excel does not write out in styles.xml). */
export const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'yyyy/m/d', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss', 22: 'yyyy/m/d h:mm',
  27: '[$-411]ge.m.d', 28: '[$-411]ggge"年"m"月"d"日"', 29: '[$-411]ggge"年"m"月"d"日"', 30: 'm/d/yy', 31: 'yyyy"年"m"月"d"日"',
  32: 'h"時"mm"分"', 33: 'h"時"mm"分"ss"秒"', 34: 'yyyy"年"m"月"', 35: 'm"月"d"日"', 36: '[$-411]ge.m.d',
  37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00;(#,##0.00)', 40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
  50: '[$-411]ge.m.d', 51: '[$-411]ggge"年"m"月"d"日"', 52: 'yyyy"年"m"月"', 53: 'm"月"d"日"', 54: '[$-411]ggge"年"m"月"d"日"',
  55: 'yyyy"年"m"月"', 56: 'm"月"d"日"', 57: '[$-411]ge.m.d', 58: '[$-411]ggge"年"m"月"d"日"',
};

const DATE_IDS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
const TIME_IDS = new Set([18, 19, 20, 21, 32, 33, 45, 46, 47]);

export function classifyFormat(id: number, code: string | undefined): FormatClass {
  if (code === undefined) {
    if (DATE_IDS.has(id)) return 'date';
    if (TIME_IDS.has(id)) return 'time';
    return id === 0 ? 'general' : 'number';
  }
  return classifyCode(code);
}

const cache = new Map<string, FormatClass>();

export function classifyCode(code: string): FormatClass {
  let c = cache.get(code);
  if (c) return c;
  // The first section decides (positive numbers); strip literals, escapes, fills and [..] blocks
  // except elapsed-time ones ([h], [mm], [ss]).
  const first = code.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/)[0] ?? '';
  const s = first
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[(h+|m+|s+)\]/gi, '$1')
    .replace(/\[[^\]]*\]/g, '')
    .toLowerCase()
    .replace(/e[+-]/g, '');
  if (s.trim() === '' || s.includes('general')) c = s.trim() === '' && code.trim() !== '' ? 'number' : 'general';
  else if (/[ydeg]/.test(s) || (/m/.test(s) && /[yd]/.test(s))) c = 'date';
  else if (/[hs]/.test(s) || /m/.test(s)) c = /[0#?]/.test(s) && !/[hs:]/.test(s) ? 'number' : 'time';
  else c = 'number';
  if (cache.size < 5000) cache.set(code, c);
  return c;
}
