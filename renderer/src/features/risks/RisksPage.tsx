import { useCallback, useMemo, useState } from 'react';
import { localToday } from '../../../../electron/common/dates.js';
import type { Project } from '../../../../electron/common/dto.js';
import { DEFAULT_RISK_THRESHOLDS, type Risk, type RiskThresholds } from '../../../../electron/common/registers.js';
import { read, useQuery } from '../../api/useApi.js';
import { RegisterPage } from '../registers/RegisterPage.js';
import { cellFilter, openRisks, type HeatSelection } from './heatmap.js';
import { riskColumns } from './riskColumns.js';
import { HeatMap, ScoreHistory, ThresholdsForm } from './RiskSide.js';

/** リスク管理表: the register grid with the heat map, the level thresholds and the score history beside it. */
export function RisksPage({ project }: { project: Project }) {
  const [selected, setSelected] = useState<HeatSelection | null>(null);
  // The levels' thresholds: read again after any write of the risks (risk.thresholds.set is one).
  const thresholdsQuery = useQuery<RiskThresholds>(['risk'], () => read('risk.thresholds.get', { projectId: project.id }), [project.id]);
  const thresholds = thresholdsQuery.data ?? DEFAULT_RISK_THRESHOLDS;
  const filter = useMemo(() => cellFilter(selected) as ((r: Risk) => boolean) | null, [selected]);

  const newRow = useCallback(() => ({ raisedOn: localToday() }), []);

  return (
    <RegisterPage<Risk>
      project={project}
      register="risk"
      view="risks"
      columns={riskColumns}
      newRow={newRow}
      externalFilter={filter}
      onAdd={() => setSelected(null)}
      onJumpHidden={() => setSelected(null)}
      side={({ rows, focused, vocab }) => (
        <>
          {/* Closed risks are no exposure: the heat map counts open ones only. */}
          <HeatMap risks={openRisks(rows, vocab)} thresholds={thresholds} selected={selected} onSelect={setSelected} />
          <ThresholdsForm
            projectId={project.id}
            thresholds={thresholds}
            onSaved={(saved) => thresholdsQuery.setData(saved)}
          />
          <ScoreHistory risk={focused} thresholds={thresholds} />
        </>
      )}
    />
  );
}
