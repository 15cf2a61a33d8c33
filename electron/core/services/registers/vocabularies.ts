// Per-project vocabularies. A list the project never customized has no rows and answers the defaults,
// so new default items reach old projects. Which codes count as closed is kept in the settings table
// (the vocabularies table has no column for it); where an item does not say, a code the default list
// treats as closed (done, cancelled, closed) stays closed.
import {
  DEFAULT_VOCABULARIES,
  REGISTERS,
  VOCAB_LISTS,
  type VocabList,
  type VocabListName,
  type Vocabularies,
} from '../../../common/registers.js';
import { textError } from '../../../common/errors.js';
import type { SqlDb as Db } from '../../db/sql.js';
import { getProjectRow } from '../projects.js';
import { getSetting, setSetting } from '../settings.js';
import { REGISTER_STORES } from './stores.js';
import { codeCounts, replaceVocabularyList, vocabularyRows } from '../../db/queries/registers.js';

type ClosedCodes = Partial<Record<VocabListName, string[]>>;

const closedKey = (projectId: number) => `project.${projectId}.vocab.closed`;

export function loadVocabularies(db: Db, projectId: number): Vocabularies {
  const rows = vocabularyRows(db, projectId);
  const closed = (getSetting(db, closedKey(projectId)) ?? {}) as ClosedCodes;
  const out = {} as Vocabularies;
  for (const list of VOCAB_LISTS) {
    const stored = rows.filter((r) => r.list === list);
    if (stored.length === 0) {
      out[list] = { list, customized: false, items: DEFAULT_VOCABULARIES[list].map((i) => ({ ...i })) };
      continue;
    }
    const closedSet = closed[list] ? new Set(closed[list]) : defaultClosed(list);
    out[list] = {
      list,
      customized: true,
      items: stored.map((r) => ({ code: r.code, labelJa: r.labelJa, labelEn: r.labelEn, closed: closedSet.has(r.code) })),
    };
  }
  return out;
}

function defaultClosed(list: VocabListName): Set<string> {
  return new Set(DEFAULT_VOCABULARIES[list].filter((i) => i.closed).map((i) => i.code));
}

export interface VocabItemInput {
  code: string;
  labelJa: string;
  labelEn: string;
  /** Absent: closed if the default list has this code as closed (so relabelling keeps 'done' closed). */
  closed?: boolean;
}

/**
 * Replaces one list of a project in one transaction. Refused with CONFLICT while stored rows use a code
 * the new list drops (details: [{code, count}]), so every stored value stays a code of its list.
 * Items are assumed checked by the API schema (non-empty, no duplicate codes or labels).
 */
export function setVocabulary(db: Db, projectId: number, list: VocabListName, items: VocabItemInput[]): VocabList {
  return db.sql.tx(() => {
    getProjectRow(db, projectId);
    const codes = new Set(items.map((i) => i.code));
    const orphans = usedCodesOutside(db, projectId, list, codes);
    if (orphans.length > 0) {
      const total = orphans.reduce((n, o) => n + o.count, 0);
      const codes = orphans.map((o) => `"${o.code}" (${o.count})`).join(', ');
      // The screen names the items by their labels in its language; a code no list knows stays a code.
      const current = new Map(loadVocabularies(db, projectId)[list].items.map((i) => [i.code, i]));
      const label = (code: string, lang: 'ja' | 'en') => {
        const i = current.get(code);
        return (i && (lang === 'en' ? i.labelEn || i.labelJa : i.labelJa)) || code;
      };
      const ja = orphans.map((o) => `「${label(o.code, 'ja')}」(${o.count})`).join('、');
      const en = orphans.map((o) => `“${label(o.code, 'en')}” (${o.count})`).join(', ');
      throw textError('CONFLICT', 'vocab.inUse', { count: total, ja, en }, `${total} row(s) still use ${codes} of ${list}`, orphans);
    }
    replaceVocabularyList(db, projectId, list, items);
    const closed = (getSetting(db, closedKey(projectId)) ?? {}) as ClosedCodes;
    const closedByDefault = defaultClosed(list);
    const closedNow = items.filter((i) => i.closed ?? closedByDefault.has(i.code)).map((i) => i.code);
    setSetting(db, closedKey(projectId), { ...closed, [list]: closedNow });
    return loadVocabularies(db, projectId)[list];
  });
}

/** Lists used by tables other than the registers: list → the column holding its codes. */
const OTHER_USES: Partial<Record<VocabListName, { table: string; column: string }>> = {
  'meeting.kind': { table: 'meetings', column: 'kind' },
};

/** Codes stored in the project's rows for fields bound to `list` that are not in `codes`, with counts. */
function usedCodesOutside(db: Db, projectId: number, list: VocabListName, codes: Set<string>): { code: string; count: number }[] {
  const counts = new Map<string, number>();
  const other = OTHER_USES[list];
  if (other) {
    for (const u of codeCounts(db, other.table, other.column, projectId)) if (!codes.has(u.code)) counts.set(u.code, u.n);
  }
  for (const def of Object.values(REGISTERS)) {
    const fields = Object.entries(def.vocab).filter(([, v]) => v.list === list).map(([f]) => f);
    if (fields.length === 0) continue;
    for (const row of REGISTER_STORES[def.name].inProject(db, projectId))
      for (const f of fields) {
        const v = row[f] as string;
        if (v !== '' && !codes.has(v)) counts.set(v, (counts.get(v) ?? 0) + 1);
      }
  }
  return [...counts].map(([code, count]) => ({ code, count }));
}
