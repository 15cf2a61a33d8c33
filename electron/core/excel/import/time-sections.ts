// A row that names a span of time and nothing else (Q1 (Apr – Jun), 2025年4月, 第1四半期（4月～6月）,
// 上期, FY2025 H2, Week 3, April 2025) titles the records of that period in a calendar-shaped table: a
// release calendar by quarter, a plan by month. It is neither a record nor a phase of the plan (blind set
// 10, C1: the quarter rows of a release calendar became four phases over its releases).

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
/** Words of a period: a quarter, a half, a fiscal year, a month, a week, a year, in English or Japanese. */
const PERIOD_WORD = new RegExp(
  `q[1-4]|[1-4]q|h[12]|fy\\s*'?\\d{0,4}(?:/\\d{2,4})?|quarter|qtr|half|month|week|wk|${MONTHS}|` +
    `(?:令和|平成|r)?\\d{1,4}年度?|\\d{1,2}月(?:度|分)?|第?[1-4一二三四]四半期|四半期|[上下]半?期|第\\d{1,2}週|\\d{1,2}週目?|` +
    `1st|2nd|3rd|4th|first|second|third|fourth`,
  'giu',
);
/** What may stand between period words: numbers, dashes, brackets, 'to', 'of', separators. */
const BETWEEN = /^(?:[\s\d\-–—~～〜()（）[\]［］【】:：,、/.・]|to|of|and|から|まで)*$/iu;

/** Whether `text` names a span of time and nothing else (a word of a period in it, not numbers alone). */
export function timeSection(text: string): boolean {
  const t = text.normalize('NFKC').toLowerCase().trim();
  if (t === '' || t.length > 40) return false;
  const words = t.match(PERIOD_WORD);
  if (!words || words.every((w) => /^\d+$/.test(w))) return false;
  return BETWEEN.test(t.replace(PERIOD_WORD, ' '));
}
