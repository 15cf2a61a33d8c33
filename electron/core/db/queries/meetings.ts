// Minutes' statements (meetings, and the action items of the issue register linked to them). Whole rows
// come back as stored, for the table stores' mapping (entities.ts meetingStore, issueStore).
import type { SqlDb } from '../sql.js';

/** The action items (issues) linked to any of the meetings, by id. */
export function issueRowsOfMeetings(db: SqlDb, meetingIds: readonly number[]): Record<string, unknown>[] {
  return db.sql.all('SELECT * FROM issues WHERE meeting_id IN (SELECT value FROM json_each(?)) ORDER BY id', [JSON.stringify(meetingIds)]);
}

/**
 * The project's meetings held between `from` and `to` (inclusive, each optional; undated meetings only
 * when neither is given), undated ones first, then by date descending, then by id descending.
 */
export function meetingRowsNewestFirst(db: SqlDb, projectId: number, from?: string, to?: string): Record<string, unknown>[] {
  const conditions = ['project_id = ?'];
  const params: unknown[] = [projectId];
  if (from !== undefined) {
    conditions.push('held_on >= ?');
    params.push(from);
  }
  if (to !== undefined) {
    conditions.push('held_on <= ?');
    params.push(to);
  }
  return db.sql.all(`SELECT * FROM meetings WHERE ${conditions.join(' AND ')} ORDER BY held_on IS NOT NULL, held_on DESC, id DESC`, params);
}

/** How many linked action items of the project each meeting has, per status. */
export function actionCountsByMeeting(db: SqlDb, projectId: number): { meetingId: number; status: string; n: number }[] {
  return db.sql.all('SELECT meeting_id AS meetingId, status, COUNT(*) AS n FROM issues WHERE project_id = ? AND meeting_id IS NOT NULL GROUP BY meeting_id, status', [projectId]);
}

/** The title and detail of every action item of the project linked to a meeting. */
export function actionTextsOfProject(db: SqlDb, projectId: number): { meetingId: number; title: string; detail: string }[] {
  return db.sql.all('SELECT meeting_id AS meetingId, title, detail FROM issues WHERE project_id = ? AND meeting_id IS NOT NULL', [projectId]);
}
