// The registers' statements beyond the table stores' (entities.ts REGISTER_STORES): IDs, value lists,
// codes in use and the few columns the portfolio's figures read.
import type { SqlDb } from '../sql.js';

/** id → ID (R-001…) of every row of a register table in the project. */
export function refsOfProject(db: SqlDb, table: string, projectId: number): Map<number, string> {
  return new Map(db.sql.values<[number, string]>(`SELECT id, ref FROM ${table} WHERE project_id = ?`, [projectId]));
}

/** A stored value list item (vocabularies), in the list's order. */
export interface VocabularyRow {
  list: string;
  code: string;
  labelJa: string;
  labelEn: string;
}

/** Every stored item of the project's lists, each list in its order. */
export function vocabularyRows(db: SqlDb, projectId: number): VocabularyRow[] {
  return db.sql.all('SELECT list, code, label_ja AS labelJa, label_en AS labelEn FROM vocabularies WHERE project_id = ? ORDER BY position, id', [projectId]);
}

/** Makes one list of the project exactly `items`, in their order. */
export function replaceVocabularyList(db: SqlDb, projectId: number, list: string, items: readonly Omit<VocabularyRow, 'list'>[]): void {
  db.sql.run('DELETE FROM vocabularies WHERE project_id = ? AND list = ?', [projectId, list]);
  items.forEach((i, n) =>
    db.sql.run('INSERT INTO vocabularies (project_id, list, code, label_ja, label_en, position) VALUES (?, ?, ?, ?, ?, ?)', [projectId, list, i.code, i.labelJa, i.labelEn, n + 1]),
  );
}

/** How many of the project's rows of `table` hold each non-empty code in `column`. */
export function codeCounts(db: SqlDb, table: string, column: string, projectId: number): { code: string; n: number }[] {
  return db.sql.all(`SELECT ${column} AS code, count(*) AS n FROM ${table} WHERE project_id = ? AND ${column} <> '' GROUP BY ${column}`, [projectId]);
}

/** [status, due, raised on, closed on, created at] of every issue of the project. */
export function issueFigureRows(db: SqlDb, projectId: number): [string, string | null, string | null, string | null, string][] {
  return db.sql.values('SELECT status, due, raised_on, closed_on, created_at FROM issues WHERE project_id = ?', [projectId]);
}

/** [recurrence, found on, created at] of every 品質不具合 of the project. */
export function defectFigureRows(db: SqlDb, projectId: number): [string, string | null, string][] {
  return db.sql.values('SELECT recurrence, found_on, created_at FROM defects WHERE project_id = ?', [projectId]);
}

/** The status of every 監査指摘 of the project. */
export function findingStatuses(db: SqlDb, projectId: number): string[] {
  return db.sql.values<[string]>('SELECT status FROM audit_findings WHERE project_id = ?', [projectId]).map((r) => r[0]);
}

/** [status, probability, impact] of every risk of the project. */
export function riskFigureRows(db: SqlDb, projectId: number): [string, number | null, number | null][] {
  return db.sql.values('SELECT status, probability, impact FROM risks WHERE project_id = ?', [projectId]);
}
