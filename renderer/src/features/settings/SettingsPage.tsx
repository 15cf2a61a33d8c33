import { useTranslation } from 'react-i18next';
import { BackupSection } from './BackupSection.js';

/** 設定: workspace-wide settings. Today: バックアップ. */
export function SettingsPage({ workspaceOpen }: { workspaceOpen: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="settings" data-testid="settings-page">
      <h2>{t('settings.heading')}</h2>
      <BackupSection workspaceOpen={workspaceOpen} />
    </section>
  );
}
