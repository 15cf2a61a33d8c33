// The UI texts each register's descriptor gives the i18n tables (renderer/src/i18n/ja.ts, en.ts): its
// tab name (views.<view>), grid headers (<name>.col.<field>) and the names of its value lists
// (vocabEditor.lists.<name>.<field>, the header of the field the list belongs to).
import { REGISTER_LIST } from './index.js';

type Lang = 'ja' | 'en';

export function registerViewNames(lang: Lang): Record<string, string> {
  return Object.fromEntries(REGISTER_LIST.map((d) => [d.view, d.screen[lang]]));
}

/** `{ risk: { col: {...} }, … }`: the grid headers of every register. */
export function registerColumnNames(lang: Lang): Record<string, { col: Record<string, string> }> {
  return Object.fromEntries(
    REGISTER_LIST.map((d) => [d.name, { col: Object.fromEntries(Object.entries(d.columns).map(([field, c]) => [field, c[lang]])) }]),
  );
}

/** `{ risk: { category: '分類', … }, … }`: each list named by its field's header. */
export function registerListNames(lang: Lang): Record<string, Record<string, string>> {
  return Object.fromEntries(
    REGISTER_LIST.map((d) => [
      d.name,
      Object.fromEntries(
        Object.entries(d.vocab as Record<string, { list: string }>).map(([field, v]) => [v.list.slice(d.name.length + 1), (d.columns as Record<string, { ja: string; en: string }>)[field]?.[lang] ?? field]),
      ),
    ]),
  );
}
