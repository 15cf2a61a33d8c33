// A risk's probability, impact and score over time, replayed from its audit rows (create, then every
// update that touched probability or impact, including undo and redo, which write audit rows too).
import { riskScore, type ScorePoint } from '../../../common/registers.js';
import type { SqlDb as Db } from '../../db/sql.js';
import { REGISTER_STORES } from './stores.js';
import { auditAftersOf } from '../../db/queries/history.js';

export function riskScoreHistory(db: Db, id: number): ScorePoint[] {
  const rows = auditAftersOf(db, 'risk', id);
  if (rows.length === 0) REGISTER_STORES.risk.require(db, id, `risk ${id}`);
  const points: ScorePoint[] = [];
  let probability: number | null = null;
  let impact: number | null = null;
  for (const r of rows) {
    if (r.action === 'delete' || r.after === null) continue;
    const after = JSON.parse(r.after) as { probability?: number | null; impact?: number | null };
    if (r.action === 'update' && !('probability' in after) && !('impact' in after)) continue;
    if ('probability' in after) probability = after.probability ?? null;
    if ('impact' in after) impact = after.impact ?? null;
    const last = points.at(-1);
    // A recreated row (undo of a delete) repeats its last values: not a change of score.
    if (last && last.probability === probability && last.impact === impact) continue;
    points.push({ at: r.at, who: r.who, probability, impact, score: riskScore(probability, impact) });
  }
  return points;
}
