// フォームから取込: a 議事録 the client filled in on their own form, read through one of the form
// profiles into a new meeting. The first answer is a dry run (meeting.importForm with dryRun: nothing
// is written) showing the header, attendees, agenda, decisions, action items and the cells that did not
// read (`Sheet!B4: reason`); 取り込む creates the meeting and its action items as one undo step.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../../electron/common/dates.js';
import type { ProfileSummary } from '../../../../electron/common/excel/preview.js';
import type { Problem } from '../../../../electron/common/excel/problems.js';
import { problemText } from '../excel/importModel.js';
import { ApiError } from '../../../../electron/common/errors.js';
import type { Meeting, MeetingFields } from '../../../../electron/common/meetings.js';
import { vocabLabel, type Vocabularies } from '../../../../electron/common/registers.js';
import { HISTORY, mutate, read, remember } from '../../api/useApi.js';
import { readFileBase64 } from '../../api/upload.js';
import { DialogFrame, DropZone, FileInput } from '../../ui/DialogFrame.js';
import { useErrorText, useMessageText } from '../../ui/ErrorBanner.js';
import { formatDay } from '../excel/exportModel.js';
import { FormEditor } from '../forms/FormEditor.js';
import { DOCUMENT, formImportKey, headerLines, initialForm, isEmptyRead } from './formImportModel.js';
import { meetingKinds } from './minutesLogic.js';

export interface DryRun {
  values: Partial<MeetingFields>;
  actions: { title: string; owner: string; due: string | null; status: string | null }[];
  problems: Problem[];
}

export interface FormImportDialogProps {
  projectId: number;
  vocab: Vocabularies;
  lang: 'ja' | 'en';
  onClose(): void;
  /** The meeting was created: the page opens it. */
  onImported(meeting: Meeting, fileName: string, actions: number): void;
}

type Step = 'file' | 'preview';

/** The call's form: a profile, or none where the minutes are read as a document (DOCUMENT). */
const formOf = (id: number): { profileId?: number } => (id === DOCUMENT ? {} : { profileId: id });
const STEPS: Step[] = ['file', 'preview'];

export function FormImportDialog({ projectId, vocab, lang, onClose, onImported }: FormImportDialogProps) {
  const { t } = useTranslation();
  /** The forms and the chosen one, for naming the form in a refusal. */
  const formsRef = useRef<ProfileSummary[]>([]);
  const formRef = useRef<number | null>(null);
  const anyErrorText = useErrorText();
  const messageText = useMessageText();
  const errorText = useCallback(
    (err: unknown) => {
      const detail = err instanceof ApiError && Array.isArray(err.details) ? (err.details[0] as { field?: string; message?: string } | undefined) : undefined;
      // A workbook without the form's sheet is readable, just not this form (the core says `no sheet <name>`).
      const missing = detail?.field === 'dataBase64' ? /^no sheet (.+)$/.exec(detail.message ?? '') : null;
      if (missing) return t('minutesImport.wrongForm', { sheet: missing[1], form: formsRef.current.find((f) => f.id === formRef.current)?.name ?? '' });
      if (detail?.field === 'dataBase64' && err instanceof ApiError) return t('excel.unreadable', { message: err.text ? messageText(err) : err.message.replace(/^dataBase64: /, '') });
      return anyErrorText(err);
    },
    [t, anyErrorText, messageText],
  );
  const fileInput = useRef<HTMLInputElement>(null);
  const primary = useRef<HTMLButtonElement>(null);
  const [step, setStep] = useState<Step>('file');
  const [forms, setForms] = useState<ProfileSummary[] | null>(null);
  const [formId, setFormId] = useState<number | null>(null);
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [dry, setDry] = useState<DryRun | null>(null);
  const [busy, setBusy] = useState<'reading' | 'apply' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const seq = useRef(0);
  const key = formImportKey(projectId);
  formsRef.current = forms ?? [];
  formRef.current = formId;

  const loadForms = useCallback(
    async (pick?: number) => {
      const [list, saved] = await Promise.all([read('profile.list', { register: 'minutes' }), read('settings.get', { key }).catch(() => null)]);
      const only = list.filter((p) => p.kind === 'form');
      setForms(only);
      setFormId(pick ?? initialForm(saved, only));
    },
    [key],
  );

  useEffect(() => {
    loadForms().catch((err) => {
      setForms([]);
      setError(errorText(err));
    });
  }, [loadForms, errorText]);

  const focused = useRef<Step | null>(null);
  useEffect(() => {
    if (busy !== null || forms === null || focused.current === step) return;
    focused.current = step;
    primary.current?.focus();
  }, [step, busy, forms]);

  const dryRun = async (f: { name: string; base64: string }, profileId: number) => {
    const mine = ++seq.current;
    setBusy('reading');
    setError(null);
    try {
      const r = await read('meeting.importForm', { projectId, ...formOf(profileId), fileName: f.name, dataBase64: f.base64, dryRun: true });
      if (mine !== seq.current) return;
      setDry({ values: r.values, actions: r.actions, problems: r.problems });
      setStep('preview');
      void remember(key, { profileId });
    } catch (err) {
      if (mine === seq.current) {
        setError(errorText(err));
        setDry(null);
        // Back to choosing: the file or the form did not read (the keyboard goes to the file button).
        focused.current = null;
        setStep('file');
      }
    } finally {
      if (mine === seq.current) setBusy(null);
    }
  };

  const choose = async (chosen: File | undefined) => {
    if (!chosen || formId === null) return;
    setBusy('reading');
    setError(null);
    let base64: string;
    try {
      base64 = await readFileBase64(chosen);
    } catch (err) {
      setBusy(null);
      return setError(errorText(err));
    }
    const f = { name: chosen.name, base64 };
    setFile(f);
    await dryRun(f, formId);
  };

  const changeForm = (id: number) => {
    setFormId(id);
    if (file && step === 'preview') void dryRun(file, id);
  };

  const apply = async () => {
    if (!file || formId === null || !dry || busy) return;
    setBusy('apply');
    setError(null);
    try {
      const r = await mutate('meeting.importForm', { projectId, ...formOf(formId), fileName: file.name, dataBase64: file.base64 }, { touches: ['meeting', 'issue', HISTORY] });
      if (!r.meeting) throw new Error('no meeting was created');
      onImported(r.meeting, file.name, r.actions.length);
      onClose();
    } catch (err) {
      setError(errorText(err));
      setBusy(null);
    }
  };

  // An action without a status starts as new action items do: with the list's first status.
  const statusLabel = (code: string | null) => {
    const c = code ?? vocab['issue.status'].items[0]?.code;
    return c ? vocabLabel(vocab['issue.status'].items, c, lang) : t('minutesImport.statusDefault');
  };
  const chosen = forms?.find((f) => f.id === formId) ?? null;
  const empty = dry ? isEmptyRead(dry) : false;
  const busyText = busy === 'apply' ? t('minutesImport.applying') : busy === 'reading' ? t('minutesImport.reading') : null;
  const summary =
    dry && t('minutesImport.summary', { decisions: dry.values.decisions?.length ?? 0, actions: dry.actions.length, problems: dry.problems.length });

  const formChoices = (
    <fieldset className="export-choices" disabled={busy !== null || forms === null}>
      <legend>{t('minutesImport.form')}</legend>
      {forms?.map((p) => (
        <label key={p.id} className={`export-choice${formId === p.id ? ' checked' : ''}`} data-testid="form-choice">
          <input type="radio" name="form-import-choice" checked={formId === p.id} onChange={() => changeForm(p.id)} aria-describedby={`form-import-${p.id}`} />
          <span className="choice-text">
            <span className="choice-name">{p.name}</span>
            <span className="choice-hint" id={`form-import-${p.id}`}>
              {t('excelExport.profileHint', { file: p.fileName, sheet: p.sheet, updated: formatDay(p.updatedAt) })}
            </span>
          </span>
        </label>
      ))}
      <label className={`export-choice${formId === DOCUMENT ? ' checked' : ''}`} data-testid="form-choice-document">
        <input type="radio" name="form-import-choice" checked={formId === DOCUMENT} onChange={() => changeForm(DOCUMENT)} aria-describedby="form-import-document" />
        <span className="choice-text">
          <span className="choice-name">{t('minutesImport.document')}</span>
          <span className="choice-hint" id="form-import-document">
            {t('minutesImport.documentHint')}
          </span>
        </span>
      </label>
      {forms?.length === 0 && <p className="choice-none muted">{t('minutesImport.noForms')}</p>}
      <div>
        <button className="link" onClick={() => setAdding(true)} type="button">
          {t('minutesForm.open')}
        </button>
      </div>
    </fieldset>
  );

  return (
    <DialogFrame
      titleId="form-import-title"
      title={t('minutesImport.title')}
      className="import-dialog form-import"
      testId="form-import-dialog"
      steps={{ all: STEPS, current: step, label: (s) => t(`minutesImport.steps.${s}`) }}
      error={error}
      onDismissError={() => setError(null)}
      onEscape={() => busy === 'apply'}
      onClose={onClose}
      statusTestId="form-import-status"
      status={busyText ?? summary}
      actions={
        <>
          <button onClick={onClose} disabled={busy === 'apply'}>
            {t('common.cancel')}
          </button>
          {step === 'preview' && (
            <button onClick={() => setStep('file')} disabled={busy !== null}>
              {t('excel.back')}
            </button>
          )}
          {step === 'preview' && (
            <button ref={primary} className="primary" onClick={() => void apply()} disabled={busy !== null || !dry || empty} data-testid="form-import-apply">
              {t('minutesImport.apply')}
            </button>
          )}
        </>
      }
    >
      <FileInput inputRef={fileInput} accept=".xlsx,.xlsm" label={t('minutesImport.choose')} testId="form-import-file-input" onFile={(f) => void choose(f)} />
      <div className="import-body">
        {step === 'file' && (
          <div className="fi-file">
            {formChoices}
            <DropZone
              buttonRef={primary}
              label={t('minutesImport.choose')}
              dropHint={t('minutesImport.dropHint')}
              hint={t('minutesImport.chooseHint')}
              disabled={busy !== null || formId === null}
              onChoose={() => fileInput.current?.click()}
              onFile={(f) => void choose(f)}
            />
          </div>
        )}
        {step === 'preview' && dry && (
          <div className="fi-preview" data-testid="form-import-preview" aria-busy={busy !== null}>
            <dl className="import-facts">
              <dt>{t('minutesImport.file')}</dt>
              <dd>
                <span className="file-name" data-testid="form-import-file">
                  {file?.name}
                </span>
                <button className="link" onClick={() => fileInput.current?.click()} disabled={busy !== null}>
                  {t('minutesImport.otherFile')}
                </button>
              </dd>
              <dt>
                <label htmlFor="form-import-form">{t('minutesImport.form')}</label>
              </dt>
              <dd>
                <select id="form-import-form" value={formId ?? ''} onChange={(e) => changeForm(Number(e.target.value))} disabled={busy !== null}>
                  {forms?.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                  <option value={DOCUMENT}>{t('minutesImport.document')}</option>
                </select>
                {chosen && <span className="muted small-inline">{chosen.fileName}</span>}
              </dd>
            </dl>
            {empty && <p className="import-warnings">{t('minutesImport.nothing')}</p>}
            {dry.problems.length > 0 && (
              <section className="fi-section fi-problems" data-testid="form-import-problems">
                <h3>
                  {t('minutesImport.problems')} <span className="tab-count">{dry.problems.length}</span>
                </h3>
                <ul>
                  {dry.problems.map((p, i) => (
                    <li key={i}>{problemText(p, t, (field) => field)}</li>
                  ))}
                </ul>
                <p className="muted small">{t('minutesImport.problemsNote')}</p>
              </section>
            )}
            <div className="fi-columns">
              <section className="fi-section" data-testid="form-import-header">
                <h3>{t('minutesImport.meeting')}</h3>
                <table className="fi-table fi-header">
                  <tbody>
                    {headerLines(dry.values, {
                      kind: (code) => vocabLabel(meetingKinds(vocab), code, lang),
                      date: formatDate,
                      time: (from, to) => (to ? t('minutesImport.time', { from, to }) : from),
                    }).map(([label, value]) => (
                      <tr key={label}>
                        <th>{t(label)}</th>
                        <td>{value || <span className="muted">{t('minutesImport.none')}</span>}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {(dry.values.attendees?.length ?? 0) > 0 && (
                  <>
                    <h3>
                      {t('minutes.section.attendees')} <span className="tab-count">{dry.values.attendees!.length}</span>
                    </h3>
                    <ul className="fi-attendees" data-testid="form-import-attendees">
                      {dry.values.attendees!.map((a, i) => (
                        <li key={i} className={a.present ? '' : 'absent'}>
                          <span className={`side side-${a.side}`}>{t(`minutesForm.side.${a.side}`)}</span>
                          {[a.org, a.name].filter(Boolean).join(' ')}
                          {a.role && <span className="muted"> ({a.role})</span>}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
                {(dry.values.agenda?.length ?? 0) > 0 && (
                  <>
                    <h3>
                      {t('minutes.section.agenda')} <span className="tab-count">{dry.values.agenda!.length}</span>
                    </h3>
                    <ol className="fi-list" data-testid="form-import-agenda">
                      {dry.values.agenda!.map((a, i) => (
                        <li key={i}>
                          {a.title}
                          {a.notes && <div className="muted fi-notes">{a.notes}</div>}
                        </li>
                      ))}
                    </ol>
                  </>
                )}
              </section>
              <section className="fi-section">
                <h3>
                  {t('minutes.section.decisions')} <span className="tab-count">{dry.values.decisions?.length ?? 0}</span>
                </h3>
                {(dry.values.decisions?.length ?? 0) > 0 ? (
                  <ol className="fi-list" data-testid="form-import-decisions">
                    {dry.values.decisions!.map((d, i) => (
                      <li key={i}>{d.text}</li>
                    ))}
                  </ol>
                ) : (
                  <p className="muted">{t('minutesImport.none')}</p>
                )}
                <h3>
                  {t('minutes.section.actions')} <span className="tab-count">{dry.actions.length}</span>
                </h3>
                {dry.actions.length > 0 ? (
                  <table className="fi-table fi-actions" data-testid="form-import-actions">
                    <thead>
                      <tr>
                        <th className="num">{t('minutesImport.col.no')}</th>
                        <th>{t('minutesImport.col.title')}</th>
                        <th>{t('minutesImport.col.owner')}</th>
                        <th>{t('minutesImport.col.due')}</th>
                        <th>{t('minutesImport.col.status')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {dry.actions.map((a, i) => (
                        <tr key={i}>
                          <td className="num">{i + 1}</td>
                          <td>{a.title}</td>
                          <td>{a.owner}</td>
                          <td className="nowrap">{a.due ? formatDate(a.due) : ''}</td>
                          <td className={a.status ? '' : 'muted'}>{statusLabel(a.status)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ) : (
                  <p className="muted">{t('minutesImport.none')}</p>
                )}
                {dry.actions.length > 0 && <p className="muted small">{t('minutesImport.actionsNote')}</p>}
              </section>
            </div>
          </div>
        )}
      </div>
      {adding && (
        <FormEditor
          offerExisting
          onClose={() => setAdding(false)}
          onSaved={(p) => {
            void loadForms(p.id).then(() => {
              if (file && step === 'preview') return dryRun(file, p.id);
            });
          }}
        />
      )}
    </DialogFrame>
  );
}
