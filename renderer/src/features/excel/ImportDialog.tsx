// Excel取込: a workbook (or CSV) into the WBS or a register, in three steps on one modal dialog —
// choose the file, check how its columns map, review what changes and import. The core reads and
// diffs (excel.previewImport: nothing is written) and writes the preview as one undo batch
// (excel.applyImport). Cancel at any step writes nothing.
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportTarget } from '../../../../electron/common/excel/fields.js';
import type { ApplyResult, ImportPreview, MappingInput, PreviewValue } from '../../../../electron/common/excel/preview.js';
import { ApiError } from '../../../../electron/common/errors.js';
import { call } from '../../api/client.js';
import { readFileBase64, WORKBOOK_TYPES } from '../../api/upload.js';
import { ConfirmDialog, type ConfirmRequest } from '../../ui/ConfirmDialog.js';
import { ErrorBanner, useErrorText } from '../../ui/ErrorBanner.js';
import {
  applyOptions,
  defaultProfileChoice,
  firstTab,
  mappingAfter,
  previewLines,
  profileNameOf,
  withChange,
  type Labels,
  type MappingChange,
  type PreviewTab,
} from './importModel.js';
import { MappingStep } from './MappingStep.js';
import { PreviewStep, type PreviewOptions } from './PreviewStep.js';

export interface ImportDialogProps {
  projectId: number;
  register: ImportTarget;
  /** The screen's name, for the title (課題管理表). */
  title: string;
  /** A field's label as the grid heads it. */
  fieldLabel(field: string): string;
  /** A value as the grid shows it (dates yyyy/mm/dd, list labels). */
  formatValue(field: string, value: PreviewValue): string;
  onClose(): void;
  /** The import was written: the page reloads and says what happened. */
  onImported(result: ApplyResult, fileName: string): void;
}

type Step = 'file' | 'mapping' | 'preview';
const STEPS: Step[] = ['file', 'mapping', 'preview'];
/** Fields a new row is named by, shown in their own column rather than among its values. */
const KEY_FIELDS = ['name', 'title', 'ref', 'wbsCode'];

export function ImportDialog(props: ImportDialogProps) {
  const { projectId, register, onClose, onImported } = props;
  const { t } = useTranslation();
  const anyErrorText = useErrorText();
  // A file that cannot be read is answered as VALIDATION of dataBase64, its message naming the file.
  const errorText = useCallback(
    (err: unknown) => {
      const detail = err instanceof ApiError && Array.isArray(err.details) ? (err.details[0] as { field?: string; message?: string } | undefined) : undefined;
      return detail?.field === 'dataBase64' && detail.message ? t('excel.unreadable', { message: detail.message }) : anyErrorText(err);
    },
    [t, anyErrorText],
  );
  const ref = useRef<HTMLDialogElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const primary = useRef<HTMLButtonElement>(null);
  const [step, setStep] = useState<Step>('file');
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState<'reading' | 'preview' | 'apply' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState<PreviewTab>('all');
  const [found, setFound] = useState<{ id: number; name: string } | null>(null);
  const [edited, setEdited] = useState(false);
  const [profileTouched, setProfileTouched] = useState(false);
  const [options, setOptions] = useState<PreviewOptions>({ missing: 'keep', profile: 'save', profileName: '' });
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  /** Answers to an older request (a mapping changed twice quickly) are dropped. */
  const seq = useRef(0);
  /** The last preview the core answered: shown again when a correction is refused. */
  const answered = useRef<ImportPreview | null>(null);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  // Each step starts on its main button (once it can be pressed), so Enter walks through the import.
  const focusedStep = useRef<Step | null>(null);
  useEffect(() => {
    if (busy !== null || focusedStep.current === step) return;
    focusedStep.current = step;
    primary.current?.focus();
  }, [step, busy]);

  const labels = useMemo<Labels>(
    () => ({
      field: props.fieldLabel,
      value: (field, v) => {
        const shown = field.startsWith('extra:') ? String(v) : props.formatValue(field, v);
        return shown === '' ? t('excel.empty') : shown;
      },
      empty: t('excel.empty'),
    }),
    [props.fieldLabel, props.formatValue, t],
  );
  const lines = useMemo(() => (preview ? previewLines(preview, labels, KEY_FIELDS) : []), [preview, labels]);

  const runPreview = useCallback(
    async (f: { name: string; base64: string }, mapping?: MappingInput) => {
      const mine = ++seq.current;
      setBusy('preview');
      try {
        const p = await call('excel.previewImport', {
          projectId,
          register,
          fileName: f.name,
          dataBase64: f.base64,
          ...(mapping ? { mapping } : {}),
        });
        if (mine !== seq.current) return;
        answered.current = p;
        setPreview(p);
        setError(null);
        if (p.profile) setFound({ id: p.profile.id, name: p.profile.name });
        return p;
      } catch (err) {
        if (mine === seq.current) {
          setError(errorText(err));
          if (mapping) setPreview(answered.current);
        }
      } finally {
        if (mine === seq.current) setBusy(null);
      }
    },
    [projectId, register, errorText],
  );

  const choose = async (chosen: File | undefined) => {
    if (!chosen) return;
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
    setPreview(null);
    setFound(null);
    setEdited(false);
    setProfileTouched(false);
    const p = await runPreview(f);
    if (!p) return setStep('file');
    setOptions({ missing: 'keep', profile: defaultProfileChoice(p.profile, false), profileName: profileNameOf(p.profile?.name ?? f.name) });
    setTab(firstTab(p));
    setStep('mapping');
  };

  const changeMapping = async (change: MappingChange) => {
    if (!file || !preview) return;
    setEdited(true);
    const mapping = mappingAfter(preview, change);
    setPreview(withChange(preview, change));
    const p = await runPreview(file, mapping);
    if (p && !profileTouched) setOptions((o) => ({ ...o, profile: defaultProfileChoice(found ?? p.profile, true) }));
    if (p) setTab(firstTab(p));
  };

  const setOption = (o: Partial<PreviewOptions>) => {
    if (o.profile) setProfileTouched(true);
    setOptions((prev) => ({ ...prev, ...o }));
  };

  const apply = () => {
    if (!preview) return;
    const go = async () => {
      setBusy('apply');
      try {
        const result = await call('excel.applyImport', {
          previewId: preview.previewId,
          options: applyOptions({ ...options, found }),
        });
        onImported(result, preview.fileName);
        onClose();
      } catch (err) {
        setError(errorText(err));
        setBusy(null);
      }
    };
    if (options.missing === 'delete' && preview.counts.missing > 0)
      setConfirm({
        title: t('excel.confirmDeleteTitle'),
        message: t('excel.confirmDelete', { count: preview.counts.missing, file: preview.fileName }),
        confirmLabel: t('common.delete'),
        onConfirm: () => void go(),
      });
    else void go();
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    void choose(e.dataTransfer.files[0]);
  };

  const busyText = busy === 'apply' ? t('excel.applying') : busy ? t('excel.previewing') : null;
  const counts = preview?.counts;

  return (
    <dialog
      ref={ref}
      className="import-dialog"
      aria-labelledby="import-title"
      // React passes a nested dialog's close and cancel (the delete confirmation) up to this one: only
      // this dialog's own count.
      onClose={(e) => e.target === e.currentTarget && onClose()}
      onCancel={(e) => {
        // Esc while the import is being written waits for it.
        if (e.target === e.currentTarget && busy === 'apply') e.preventDefault();
      }}
      data-testid="import-dialog"
    >
      <header className="import-head">
        <h2 id="import-title">{t('excel.title', { register: props.title })}</h2>
        <ol className="import-steps">
          {STEPS.map((s, i) => (
            <li key={s} className={s === step ? 'current' : STEPS.indexOf(step) > i ? 'done' : ''} aria-current={s === step ? 'step' : undefined}>
              <span className="n">{i + 1}</span>
              {t(`excel.steps.${s}`)}
            </li>
          ))}
        </ol>
      </header>
      <ErrorBanner text={error} onClose={() => setError(null)} />
      <input
        ref={fileInput}
        type="file"
        accept={WORKBOOK_TYPES}
        className="visually-hidden"
        aria-label={t('excel.choose')}
        data-testid="import-file-input"
        onChange={(e) => {
          const chosen = e.target.files?.[0];
          e.target.value = ''; // the same file again still counts as a change
          void choose(chosen);
        }}
      />
      <div className="import-body">
        {step === 'file' && (
          <div className="drop-zone" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
            <button ref={primary} className="primary" onClick={() => fileInput.current?.click()} disabled={busy !== null}>
              {t('excel.choose')}
            </button>
            <span className="muted">{t('excel.dropHint')}</span>
            <p className="muted small">{t('excel.chooseHint')}</p>
          </div>
        )}
        {step === 'mapping' && preview && (
          <MappingStep
            preview={preview}
            busy={busy !== null}
            fieldLabel={props.fieldLabel}
            onChange={(c) => void changeMapping(c)}
            onOtherFile={() => fileInput.current?.click()}
          />
        )}
        {step === 'preview' && preview && (
          <PreviewStep
            preview={preview}
            lines={lines}
            tab={tab}
            onTab={setTab}
            options={options}
            onOptions={setOption}
            found={found}
            busy={busy !== null}
          />
        )}
      </div>
      <footer className="import-foot">
        <span className="import-status muted" role="status" data-testid="import-status">
          {busyText ?? (counts && t('excel.summary', counts))}
        </span>
        <button onClick={onClose} disabled={busy === 'apply'}>
          {t('common.cancel')}
        </button>
        {step !== 'file' && (
          <button onClick={() => setStep(step === 'preview' ? 'mapping' : 'file')} disabled={busy !== null}>
            {t('excel.back')}
          </button>
        )}
        {step === 'mapping' && (
          <button ref={primary} className="primary" onClick={() => setStep('preview')} disabled={busy !== null || !preview}>
            {t('excel.next')}
          </button>
        )}
        {step === 'preview' && (
          <button ref={primary} className="primary" onClick={apply} disabled={busy !== null || !preview}>
            {t('excel.apply')}
          </button>
        )}
      </footer>
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </dialog>
  );
}
