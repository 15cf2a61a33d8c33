// Every register of the descriptors' list must reach every table derived from it: a register that misses
// one would silently lose import detection, export, cards, vocabularies, undo or its UI texts.
import { describe, expect, it } from 'vitest';
import { api } from '../../electron/common/api.js';
import { EXPORT_REGISTERS } from '../../electron/common/api/excel.js';
import { IMPORT_TARGETS, KEY_FIELD, TARGET_FIELDS } from '../../electron/common/excel/fields.js';
import { CARD_REGISTERS } from '../../electron/common/excel/form.js';
import { COLUMN_HEADERS } from '../../electron/common/excel/column-labels.js';
import { matchLabel } from '../../electron/core/excel/import/synonyms.js';
import { DEFAULT_VOCABULARIES, REGISTERS, VOCAB_LISTS } from '../../electron/common/registers.js';
import { REGISTER_LIST } from '../../electron/common/registers/index.js';
import { ENTITY_STORES, REGISTER_STORES } from '../../electron/core/entities.js';
import { REGISTER_SERVICES } from '../../electron/core/services/registers/index.js';
import { REGISTER_VIEWS } from '../../renderer/src/features/excel/exportModel.js';
import { VIEW_OF_KIND } from '../../renderer/src/features/search/jump.js';
import { SEARCH_SOURCES } from '../../electron/core/services/search-index.js';
import { SEARCH_KINDS } from '../../electron/common/search.js';
import { KEY_KINDS } from '../../electron/core/db/queries/search.js';
import { en } from '../../renderer/src/i18n/en.js';
import { ja } from '../../renderer/src/i18n/ja.js';

const at = (o: unknown, path: string): unknown => path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], o);

describe.each(REGISTER_LIST.map((d) => [d.name, d] as const))('register %s', (name, d) => {
  it('is an import target with every stored field, its key field and import words for each', () => {
    expect(IMPORT_TARGETS).toContain(name);
    expect(KEY_FIELD[name]).toBe(d.keyField);
    const stored = Object.keys(d.fields.shape).filter((f) => f !== 'extra' && f !== 'meetingId');
    for (const f of stored) {
      expect(TARGET_FIELDS[name][f], `${name}.${f}`).toBeDefined();
      expect(d.synonyms[f]?.length, `import words of ${name}.${f}`).toBeGreaterThan(0);
    }
    // Its own headers read back as its fields.
    for (const [f, c] of Object.entries(d.columns)) {
      for (const word of [c.ja, c.en]) expect(matchLabel(name, [word])[0]?.field, `${name}: ${word}`).toBe(f);
    }
  });

  it('is exportable, kept in profiles, written to cards when it has them, and named as its screen', () => {
    expect(EXPORT_REGISTERS).toContain(name);
    expect(api['profile.list'].input.safeParse({ register: name }).success).toBe(true);
    expect(api['excel.export'].input.safeParse({ projectId: 1, register: name }).success).toBe(true);
    expect(CARD_REGISTERS.includes(name)).toBe(d.cards);
    expect(REGISTER_VIEWS[name]).toBe(d.view);
    expect(COLUMN_HEADERS[name]).toEqual(Object.fromEntries(Object.entries(d.columns).map(([f, c]) => [f, { ja: c.ja, en: c.en }])));
  });

  it('has its lists among the vocabularies, each field bound to one of its own lists', () => {
    for (const list of Object.keys(d.lists)) {
      expect(VOCAB_LISTS).toContain(list);
      expect(list.startsWith(`${name}.`), list).toBe(true);
      expect(DEFAULT_VOCABULARIES[list as keyof typeof DEFAULT_VOCABULARIES].length).toBeGreaterThan(0);
    }
    for (const [field, v] of Object.entries(REGISTERS[name].vocab)) {
      expect(Object.keys(d.lists), `${name}.${field}`).toContain(v.list);
      expect(Object.keys(d.fields.shape)).toContain(field);
    }
    expect(Object.keys(REGISTERS[name].vocab)).toContain(d.tracking.status);
  });

  it('has a store (undo and redo put its rows back), a service and the API verbs (listAll: the rows of every project)', () => {
    expect(ENTITY_STORES[name]).toBe(REGISTER_STORES[name]);
    expect(REGISTER_STORES[name]!.table).toBe(d.table);
    expect(REGISTER_SERVICES[name].def).toBe(REGISTERS[name]);
    for (const verb of ['list', 'listAll', 'create', 'update', 'delete', 'applyCells']) expect(Object.keys(api), `${name}.${verb}`).toContain(`${name}.${verb}`);
  });

  it('is searched under its own fixed kind number, over text fields it has, and a hit opens its screen', () => {
    const source = SEARCH_SOURCES.find((s) => s.kind === name);
    expect(source, name).toMatchObject({ num: d.search.kind, table: d.table, ref: 'ref' });
    expect(d.search.kind).toBeGreaterThan(0);
    expect(d.search.kind).toBeLessThan(KEY_KINDS);
    expect(SEARCH_SOURCES.filter((s) => s.num === d.search.kind).map((s) => s.kind), 'one kind per number').toEqual([name]);
    const columns = new Set(Object.keys(d.fields.shape).map((f) => f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)));
    expect(source!.text.length).toBeGreaterThan(0);
    for (const c of [source!.title, ...source!.text]) expect(columns, `${name}: ${c}`).toContain(c);
    expect(SEARCH_KINDS).toContain(name);
    expect(VIEW_OF_KIND[name]).toBe(d.view);
  });

  it.each([['ja', ja], ['en', en]] as const)('has its texts in %s: tab, column headers, list names', (_lang, strings) => {
    expect(at(strings, `views.${d.view}`)).toBeTruthy();
    for (const f of Object.keys(d.columns)) expect(at(strings, `${name}.col.${f}`), `${name}.col.${f}`).toBeTruthy();
    for (const field of Object.keys(d.vocab)) expect(at(strings, `vocabEditor.lists.${name}.${field}`), `${name}.${field}`).toBeTruthy();
  });
});
