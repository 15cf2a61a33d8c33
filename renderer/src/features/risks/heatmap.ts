// The 5×5 heat map beside the risk register: impact across, probability up, a count per cell coloured
// by the level its score falls in under the project's thresholds. A clicked cell filters the grid.
import { closedCodes, heatMap, riskLevel, riskScore, type RiskLevel, type RiskThresholds, type Vocabularies } from '../../../../electron/common/registers.js';

/** The risks still open (their status is not one the project's list counts as closed). */
export function openRisks<R extends { status: string }>(risks: readonly R[], vocab: Vocabularies): R[] {
  const closed = closedCodes(vocab['risk.status']);
  return risks.filter((r) => !closed.has(r.status));
}

export interface HeatCell {
  probability: number;
  impact: number;
  score: number;
  level: RiskLevel;
  count: number;
}

export interface HeatSelection {
  probability: number;
  impact: number;
}

const SCALE = [1, 2, 3, 4, 5] as const;

/** Rows top to bottom (probability 5 → 1), cells left to right (impact 1 → 5). Unrated risks are left out. */
export function heatRows(risks: readonly { probability: number | null; impact: number | null }[], thresholds: RiskThresholds): HeatCell[][] {
  const counts = heatMap(risks);
  return [...SCALE].reverse().map((probability) =>
    SCALE.map((impact) => {
      const score = riskScore(probability, impact)!;
      return { probability, impact, score, level: riskLevel(score, thresholds)!, count: counts[probability - 1]![impact - 1]! };
    }),
  );
}

/** A click on the selected cell clears the selection; on another cell, selects it. */
export function toggleCell(current: HeatSelection | null, cell: HeatSelection): HeatSelection | null {
  return current && current.probability === cell.probability && current.impact === cell.impact ? null : { probability: cell.probability, impact: cell.impact };
}

/** The grid filter of a selected cell: the risks rated exactly there. */
export function cellFilter(sel: HeatSelection | null): ((r: { probability: number | null; impact: number | null }) => boolean) | null {
  return sel ? (r) => r.probability === sel.probability && r.impact === sel.impact : null;
}
