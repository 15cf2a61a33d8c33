// Excel出力: the WBS or a register as a workbook, on one small modal dialog. The choice is PMO Desk's
// own printable layout (in the UI's language), the same columns as CSV (UTF-8; not for minutes), or one
// of the register's client profiles — the client's own workbook with the current rows written into it,
// under its original file name. On the risk, issue and change pages the register's cards are offered
// too (選択行をカードに出力): the selected row written into the client's card form (a 不具合管理票); with
// no row, or several, selected they are shown disabled, saying why. The last choice is remembered per
// project and register. The core builds the file (excel.export); saving it is the same download the
// minutes export uses.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportRegister } from '../../../../electron/common/api/excel.js';
import type { ProfileSummary } from '../../../../electron/common/excel/preview.js';
import type { ImportTarget } from '../../../../electron/common/excel/fields.js';
import { ApiError } from '../../../../electron/common/errors.js';
import { hashParams } from '../../api/client.js';
import { read, remember } from '../../api/useApi.js';
import { saveFile } from '../../api/download.js';
import { DialogFrame } from '../../ui/DialogFrame.js';
import { useErrorText, useMessageText } from '../../ui/ErrorBanner.js';
import { exportChoiceKey, formatDay, initialChoice, rememberedChoice, type CardRow, type Choice } from './exportModel.js';
import { importFieldLabel } from './importModel.js';
import { RegisterTemplateDialog } from './RegisterTemplateDialog.js';

export interface ExportDialogProps {
  projectId: number;
  register: ExportRegister;
  /** Minutes: the meeting to export (into PMO Desk's layout or a 議事録 form profile). */
  meetingId?: number;
  /**
   * Risks, issues and changes: the row a card takes (the one selected when the dialog opened), or why
   * there is none. Kept as it is while the dialog is open.
   */
  cardRow?: CardRow;
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

export function ExportDialog({ projectId, register, meetingId, cardRow, title, onClose, onExported }: ExportDialogProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const anyErrorText = useErrorText();
  const messageText = useMessageText();
  const choices = useRef<HTMLFieldSetElement>(null);
  const [profiles, setProfiles] = useState<ProfileSummary[] | null>(null);
  const [choice, setChoice] = useState<Choice>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** What the export did not write (a notice: the file was made), shown in the dialog's body, not as an error. */
  const [notice, setNotice] = useState<string | null>(null);
  /** 様式を登録 from here: the new profile is then the choice. */
  const [registering, setRegistering] = useState(false);
  const key = exportChoiceKey(projectId, register);
  const offersCsv = register !== 'minutes';
  const offersCards = cardRow !== undefined;
  const row = typeof cardRow === 'object' ? cardRow : null;

  const load = useCallback(async () => {
    const [list, saved] = await Promise.all([read('profile.list', { register }), read('settings.get', { key }).catch(() => null)]);
    setProfiles(list);
    setChoice(initialChoice(saved, list, { csv: offersCsv, card: row !== null }));
  }, [register, key, offersCsv, row]);

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

  const tables = profiles?.filter((p) => p.kind !== 'card') ?? null;
  const cards = profiles?.filter((p) => p.kind === 'card') ?? null;
  const chosen = profiles?.find((p) => p.id === choice) ?? null;

  const errorText = (err: unknown): string => {
    // A template the writer cannot fill: the core's message names the file and what is wrong with it.
    if (chosen && err instanceof ApiError && err.code === 'CONFLICT') return t('excelExport.templateProblem', { name: chosen.name, message: messageText(err) });
    return anyErrorText(err);
  };

  const run = async () => {
    if (busy || profiles === null) return;
    // A card without a row to write cannot be exported (its choice is disabled; Enter must not either).
    if (chosen?.kind === 'card' && !row) return;
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const file = await read('excel.export', {
        projectId,
        register,
        language: lang,
        ...(meetingId !== undefined ? { meetingId } : {}),
        ...(choice === 'csv' ? { format: 'csv' as const } : {}),
        ...(typeof choice === 'number' ? { profileId: choice } : {}),
        ...(chosen?.kind === 'card' && row ? { recordId: row.id } : {}),
      });
      saveFile(file.fileName, file.dataBase64);
      void remember(key, rememberedChoice(choice));
      onExported(file.fileName);
      // Cells the client's words had no word for, or hidden under a range it merged, were left as they
      // were, tasks nested deeper than the client's levels were written at its deepest: the dialog
      // stays open and says which.
      const notices: string[] = [];
      if (file.noClientWord?.length) {
        const cells = file.noClientWord.map((n) => `${n.sheet}!${n.cell} (${n.header}: ${n.label})`).join(', ');
        notices.push(t('excelExport.noClientWord', { file: file.fileName, cells }));
      }
      if (file.underMerge?.length) {
        const cells = file.underMerge.map((n) => `${n.sheet}!${n.cell} (${n.header}: ${n.label})`).join(', ');
        notices.push(t('excelExport.underMerge', { file: file.fileName, cells }));
      }
      if (file.noDateForm?.length) {
        const cells = file.noDateForm.map((n) => `${n.sheet}!${n.cell} (${n.header}: ${n.label})`).join(', ');
        notices.push(t('excelExport.noDateForm', { file: file.fileName, cells }));
      }
      if (file.formulaCells?.length) {
        const cells = file.formulaCells.map((n) => `${n.sheet}!${n.cell} (${n.header}: ${n.label})`).join(', ');
        notices.push(t('excelExport.formulaCells', { file: file.fileName, cells }));
      }
      if (file.noKeyCell?.length) {
        const records = file.noKeyCell.map((n) => `${n.sheet}!${n.cell} ${n.value}`).join(', ');
        notices.push(t('excelExport.noKeyCell', { file: file.fileName, field: importFieldLabel(t, register as ImportTarget)(file.noKeyCell[0]!.field), records }));
      }
      if (file.tooDeep?.length) {
        const tasks = file.tooDeep.map((n) => `${n.sheet}!${n.cell} ${n.name}`).join(', ');
        notices.push(t('excelExport.tooDeep', { file: file.fileName, deepest: file.tooDeep[0]!.deepest, tasks }));
      }
      // A bar the client's gantt has no days for: cleared (or cut at the band's edge), never left on old days.
      for (const shown of ['none', 'part'] as const) {
        const off = file.offBand?.filter((n) => n.shown === shown) ?? [];
        if (off.length === 0) continue;
        const tasks = off.map((n) => `${n.sheet}!${n.cell} ${n.name} (${n.start}〜${n.finish})`).join(', ');
        notices.push(t(shown === 'none' ? 'excelExport.offBand' : 'excelExport.partBand', { file: file.fileName, from: off[0]!.bandFrom, to: off[0]!.bandTo, tasks }));
      }
      if (notices.length > 0) {
        setNotice(notices.join('\n'));
        setBusy(false);
        return;
      }
      onClose();
    } catch (err) {
      setError(errorText(err));
      // The profile went away meanwhile (deleted in another window): offer what is there now.
      if (err instanceof ApiError && err.code === 'NOT_FOUND' && typeof choice === 'number') await load().catch(() => undefined);
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
  const note = chosen ? t(chosen.kind === 'card' ? 'excelExport.cardNote' : register === 'minutes' ? 'minutesForm.exportNote' : 'excelExport.clientNote') : null;
  const canRun = profiles !== null && !(chosen?.kind === 'card' && !row);

  const profileChoice = (p: ProfileSummary, hint: string, disabled = false) => (
    <label key={p.id} className={`export-choice${choice === p.id ? ' checked' : ''}${disabled ? ' disabled' : ''}`} data-testid="export-choice">
      <input
        type="radio"
        name="export-choice"
        checked={choice === p.id}
        disabled={disabled}
        onChange={() => setChoice(p.id)}
        // A card without a row says why with its hint.
        aria-describedby={`export-profile-${p.id}${disabled ? ' export-card-why' : ''}`}
      />
      <span className="choice-text">
        <span className="choice-name">{p.name}</span>
        <span className="choice-hint" id={`export-profile-${p.id}`}>
          {hint}
        </span>
      </span>
    </label>
  );

  return (
    <DialogFrame
      titleId="export-title"
      title={t('excelExport.title', { register: title })}
      className="export-dialog"
      testId="export-dialog"
      error={error}
      onDismissError={() => setError(null)}
      // Esc while the file is being made waits for it.
      onEscape={() => busy}
      onClose={onClose}
      statusTestId="export-status"
      status={status}
      actions={
        <>
          <a className="export-manage" href={profilesHref()}>
            {t('excelExport.manage')}
          </a>
          {register !== 'minutes' && (
            <button onClick={() => setRegistering(true)} disabled={busy} data-testid="export-register-template">
              {t('excel.template.open')}
            </button>
          )}
          <button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button className="primary" onClick={() => void run()} disabled={busy || !canRun} data-testid="export-run">
            {t('excelExport.export')}
          </button>
        </>
      }
    >
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
          {offersCsv && (
            <label className={`export-choice${choice === 'csv' ? ' checked' : ''}`} data-testid="export-choice">
              <input type="radio" name="export-choice" checked={choice === 'csv'} onChange={() => setChoice('csv')} />
              <span className="choice-text">
                <span className="choice-name">{t('excelExport.csv')}</span>
                <span className="choice-hint">{t('excelExport.csvHint', { language: t(`excelExport.language.${lang}`) })}</span>
              </span>
            </label>
          )}
          <div className="choice-group" id="export-client-forms">
            {t('excelExport.clientForms')}
          </div>
          {tables?.map((p) => profileChoice(p, t('excelExport.profileHint', { file: p.fileName, sheet: p.sheet, updated: formatDay(p.updatedAt) })))}
          {tables?.length === 0 && <p className="choice-none muted">{t(register === 'minutes' ? 'minutesForm.exportNoProfiles' : 'excelExport.noProfiles')}</p>}
          {offersCards && (
            <>
              <div className="choice-group" id="export-cards">
                {t('excelExport.cards')}
              </div>
              {cards && cards.length > 0 && !row && (
                <p className="choice-none muted" id="export-card-why" data-testid="export-card-hint">
                  {t(cardRow === 'many' ? 'excelExport.manyRows' : 'excelExport.noRow')}
                </p>
              )}
              {cards?.map((p) =>
                profileChoice(
                  p,
                  row ? t('excelExport.cardHint', { row: row.label, file: p.fileName, sheet: p.sheet }) : t('excelExport.cardHintNoRow', { file: p.fileName, sheet: p.sheet }),
                  !row,
                ),
              )}
              {cards?.length === 0 && <p className="choice-none muted">{t('excelExport.noCards')}</p>}
            </>
          )}
        </fieldset>
        {note && <p className="export-note muted">{note}</p>}
        {notice && (
          <p className="export-notice" role="status" data-testid="export-notice">
            {notice}
          </p>
        )}
      </form>
      {registering && register !== 'minutes' && (
        <RegisterTemplateDialog
          register={register}
          onClose={() => setRegistering(false)}
          onSaved={(p) => {
            void read('profile.list', { register }).then((list) => {
              setProfiles(list);
              setChoice(p.id);
            });
          }}
        />
      )}
    </DialogFrame>
  );
}
