import { useTranslation } from 'react-i18next';
import type { WorkspaceProblem } from '../../../../electron/common/dto.js';
import { BackupSection } from './BackupSection.js';
import { TeamSection } from './TeamSection.js';
import { ExportFileSection } from './ExportFileSection.js';

/**
 * 設定: workspace-wide settings: チームで使う (the team database), SQLite ファイルに書き出す and バックアップ. `problem`: why the workspace
 * is not open (read-only), else undefined. `teamUnavailable`: the team database did not open, and チームで使う
 * alone can be used (it says why; nothing else answers).
 */
export function SettingsPage({ problem, teamUnavailable = false }: { problem: WorkspaceProblem | undefined; teamUnavailable?: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="settings" data-testid="settings-page">
      <h2>{t('settings.heading')}</h2>
      {(problem === undefined || teamUnavailable) && <TeamSection />}
      {problem === undefined && !teamUnavailable && <ExportFileSection />}
      {!teamUnavailable && <BackupSection problem={problem} />}
    </section>
  );
}
