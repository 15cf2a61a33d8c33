// Per-project risk level thresholds, kept in the settings table (configuration, not register data:
// they are not part of the audit trail and undo does not revert them).
import { DEFAULT_RISK_THRESHOLDS, riskThresholds, type RiskThresholds } from '../../../common/registers.js';
import type { SqlDb as Db } from '../../db/sql.js';
import { getProjectRow } from '../projects.js';
import { getSetting, setSetting } from '../settings.js';

const key = (projectId: number) => `project.${projectId}.risk.thresholds`;

export function getThresholds(db: Db, projectId: number): RiskThresholds {
  // A value that no longer passes the schema (edited by hand through settings.set) falls back to the defaults.
  const parsed = riskThresholds.safeParse(getSetting(db, key(projectId)));
  return parsed.success ? parsed.data : { ...DEFAULT_RISK_THRESHOLDS };
}

export function setThresholds(db: Db, projectId: number, t: RiskThresholds): RiskThresholds {
  getProjectRow(db, projectId);
  setSetting(db, key(projectId), { high: t.high, medium: t.medium });
  return getThresholds(db, projectId);
}
