// Excel出力: the WBS or a register as a workbook, on one small modal dialog. The choice is PMO Desk's
// own printable layout (in the UI's language) or one of the register's client profiles — the client's
// own workbook with the current rows written into it, under its original file name. The last choice is
// remembered per project and register. The core builds the workbook (excel.export); saving it is the
// same download the minutes export uses.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportRegister } from '../../../../electron/common/api/excel.js';
import type { ProfileSummary } from '../../../../electron/common/excel/preview.js';
import { ApiError } from '../../../../electron/common/errors.js';
import { call, hashParams } from '../../api/client.js';
import { saveFile } from '../../api/download.js';
import { ErrorBanner, useErrorText } from '../../ui/ErrorBanner.js';
import { exportChoiceKey, formatDay, initialChoice, type ExportChoice } from './exportModel.js';

export interface ExportDialogProps {
  projectId: number;
  register: ExportRegister;
  /** Minutes: the meeting to export (into PMO Desk's layout or a 議事録 form profile). */
  meetingId?: number;
  /** The screen's name, for the title (課題管理表). */
  title: string;
  onClose(): void;
  /** The file was handed to the download: the page says so. */
  onExported(fileName: string): void;
}

/** The project's 取込/出力の設定 tab, as a link (the route lives in the URL hash). */
function profilesHref(): string {
  const params = hashParams();
  params.set('view', 'profiles');
  return `#${params.toString()}`;
}

export function ExportDialog({ projectId, register, meetingId, title, onClose, onExported }: ExportDialogProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const anyErrorText = useErrorText();
  const ref = useRef<HTMLDialogElement>(null);
  const choices = useRef<HTMLFieldSetElement>(null);
  const [profiles, setProfiles] = useState<ProfileSummary[] | null>(null);
  const [choice, setChoice] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const key = exportChoiceKey(projectId, register);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  const load = useCallback(async () => {
    const [list, saved] = await Promise.all([call('profile.list', { register }), call('settings.get', { key }).catch(() => null)]);
    setProfiles(list);
    setChoice(initialChoice(saved, list));
  }, [register, key]);

  useEffect(() => {
    load().catch((err) => {
      setProfiles([]);
      setError(anyErrorText(err));
    });
  }, [load, anyErrorText]);

  // Once the choices are there, the keyboard starts on the chosen one: arrows choose, Enter exports. A
  // refused export gives the keyboard back to it too (the choices were disabled meanwhile).
  const loaded = profiles !== null;
  const focusChoice = useRef(true);
  useEffect(() => {
    if (!loaded || busy || !focusChoice.current) return;
    focusChoice.current = false;
    choices.current?.querySelector<HTMLInputElement>('input[type=radio]:checked')?.focus();
  }, [loaded, busy]);

  const chosen = profiles?.find((p) => p.id === choice) ?? null;

  const errorText = (err: unknown): string => {
    // A template the writer cannot fill: the core's message names the file and what is wrong with it.
    if (chosen && err instanceof ApiError && err.code === 'CONFLICT') return t('excelExport.templateProblem', { name: chosen.name, message: err.message });
    return anyErrorText(err);
  };

  const run = async () => {
    if (busy || profiles === null) return;
    setBusy(true);
    setError(null);
    try {
      const file = await call('excel.export', {
        projectId,
        register,
        language: lang,
        ...(meetingId !== undefined ? { meetingId } : {}),
        ...(choice !== null ? { profileId: choice } : {}),
      });
      saveFile(file.fileName, file.dataBase64);
      const remembered: ExportChoice = { profileId: choice };
      void call('settings.set', { key, value: remembered }).catch(() => undefined);
      onExported(file.fileName);
      onClose();
    } catch (err) {
      setError(errorText(err));
      // The profile went away meanwhile (deleted in another window): offer what is there now.
      if (err instanceof ApiError && err.code === 'NOT_FOUND' && choice !== null) await load().catch(() => undefined);
      focusChoice.current = true;
      setBusy(false);
    }
  };

  const onChoiceKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.target as HTMLElement).matches('input[type=radio]')) {
      e.preventDefault();
      void run();
    }
  };

  const status = busy ? t('excelExport.exporting') : profiles === null ? t('excelExport.loading') : '';

  return (
    <dialog
      ref={ref}
      className="export-dialog"
      aria-labelledby="export-title"
      onClose={(e) => e.target === e.currentTarget && onClose()}
      onCancel={(e) => {
        // Esc while the workbook is being made waits for it.
        if (e.target === e.currentTarget && busy) e.preventDefault();
      }}
      data-testid="export-dialog"
    >
      <header className="import-head">
        <h2 id="export-title">{t('excelExport.title', { register: title })}</h2>
      </header>
      <ErrorBanner text={error} onClose={() => setError(null)} />
      <form
        className="export-body"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <fieldset ref={choices} className="export-choices" disabled={busy || profiles === null} onKeyDown={onChoiceKey} aria-busy={profiles === null}>
          <legend>{t('excelExport.format')}</legend>
          <label className={`export-choice${choice === null ? ' checked' : ''}`} data-testid="export-choice">
            <input type="radio" name="export-choice" checked={choice === null} onChange={() => setChoice(null)} />
            <span className="choice-text">
              <span className="choice-name">{t('excelExport.standard')}</span>
              <span className="choice-hint">
                {t(register === 'minutes' ? 'minutesForm.exportStandardHint' : 'excelExport.standardHint', { language: t(`excelExport.language.${lang}`) })}
              </span>
            </span>
          </label>
          <div className="choice-group" id="export-client-forms">
            {t('excelExport.clientForms')}
          </div>
          {profiles?.map((p) => (
            <label key={p.id} className={`export-choice${choice === p.id ? ' checked' : ''}`} data-testid="export-choice">
              <input
                type="radio"
                name="export-choice"
                checked={choice === p.id}
                onChange={() => setChoice(p.id)}
                aria-describedby={`export-profile-${p.id}`}
              />
              <span className="choice-text">
                <span className="choice-name">{p.name}</span>
                <span className="choice-hint" id={`export-profile-${p.id}`}>
                  {t('excelExport.profileHint', { file: p.fileName, sheet: p.sheet, updated: formatDay(p.updatedAt) })}
                </span>
              </span>
            </label>
          ))}
          {profiles?.length === 0 && <p className="choice-none muted">{t(register === 'minutes' ? 'minutesForm.exportNoProfiles' : 'excelExport.noProfiles')}</p>}
        </fieldset>
        {chosen && <p className="export-note muted">{t(register === 'minutes' ? 'minutesForm.exportNote' : 'excelExport.clientNote')}</p>}
      </form>
      <footer className="import-foot">
        <span className="import-status muted" role="status" data-testid="export-status">
          {status}
        </span>
        <a className="export-manage" href={profilesHref()}>
          {t('excelExport.manage')}
        </a>
        <button onClick={onClose} disabled={busy}>
          {t('common.cancel')}
        </button>
        <button className="primary" onClick={() => void run()} disabled={busy || profiles === null} data-testid="export-run">
          {t('excelExport.export')}
        </button>
      </footer>
    </dialog>
  );
}
