import { RISK_LEVEL_LABELS, type Risk, type RiskLevel } from '../../../../electron/common/registers.js';
import { computedCol, dateCol, longTextCol, ratingCol, textCol, vocabCol, type ColumnContext, type RegisterColDef } from '../registers/columns.js';

/** The risk register's columns: the core info first; long texts after (order and widths are the user's to change). */
export function riskColumns(c: ColumnContext): RegisterColDef<Risk>[] {
  const levelLabel = (v: unknown) => (typeof v === 'string' && v in RISK_LEVEL_LABELS ? RISK_LEVEL_LABELS[v as RiskLevel][c.lang] : '');
  return [
    { ...textCol<Risk>(c, 'ref', 82), pinned: 'left' },
    { ...textCol<Risk>(c, 'title', 220), pinned: 'left' },
    vocabCol<Risk>(c, 'category', 'risk.category', { width: 120, required: false }),
    ratingCol<Risk>(c, 'probability'),
    ratingCol<Risk>(c, 'impact'),
    computedCol<Risk>(c, 'score', 78),
    {
      ...computedCol<Risk>(c, 'level', 72),
      type: undefined,
      context: { kind: 'text', format: levelLabel },
      valueFormatter: (p) => levelLabel(p.value),
      filterValueGetter: (p) => levelLabel(p.data?.level),
      cellClass: (p) => (p.value ? `computed risk-level risk-level-${p.value as string}` : 'computed'),
    },
    vocabCol<Risk>(c, 'strategy', 'risk.strategy', { width: 96, required: false }),
    vocabCol<Risk>(c, 'status', 'risk.status', { width: 100, required: true }),
    textCol<Risk>(c, 'owner', 110),
    dateCol<Risk>(c, 'due'),
    longTextCol<Risk>(c, 'description', 240),
    longTextCol<Risk>(c, 'trigger', 180),
    longTextCol<Risk>(c, 'responsePlan', 240),
    longTextCol<Risk>(c, 'contingency', 200),
    dateCol<Risk>(c, 'raisedOn'),
    textCol<Risk>(c, 'raisedBy', 110),
    dateCol<Risk>(c, 'closedOn'),
  ];
}
