// Excel取込: a workbook (or CSV) into the WBS or a register, in three steps on one modal dialog —
// choose the file, check how its columns map, review what changes and import. The core reads and
// diffs (excel.previewImport: nothing is written) and writes the preview as one undo batch
// (excel.applyImport). Cancel at any step writes nothing.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportTarget } from '../../../../electron/common/excel/fields.js';
import { PREVIEW_PROBLEMS_PAGE, type ApplyResult, type ImportPreview, type MappingInput, type PreviewValue, type TableCandidate } from '../../../../electron/common/excel/preview.js';
import { ApiError } from '../../../../electron/common/errors.js';
import type { Problem } from '../../../../electron/common/excel/problems.js';
import { REGISTERS, type Vocabularies } from '../../../../electron/common/registers.js';
import { hashParams } from '../../api/client.js';
import { HISTORY, mutate, read } from '../../api/useApi.js';
import { formatDate } from '../../../../electron/common/dates.js';
import { registerView } from './exportModel.js';
import { readFileBase64, WORKBOOK_TYPES } from '../../api/upload.js';
import { ConfirmDialog, type ConfirmRequest } from '../../ui/ConfirmDialog.js';
import { DialogFrame, DropZone, FileInput } from '../../ui/DialogFrame.js';
import { useErrorText, useMessageText } from '../../ui/ErrorBanner.js';
import {
  applyOptions,
  defaultProfileChoice,
  firstTab,
  importFieldLabel,
  mappingAfter,
  previewLines,
  problemsPaged,
  problemText,
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
  const { projectId, onClose, onImported } = props;
  const { t, i18n } = useTranslation();
  // The register imported into: the page's, or one the file fits better that the user switched to.
  const [register, setRegister] = useState<ImportTarget>(props.register);
  const [suggested, setSuggested] = useState<ImportTarget | null>(null);
  const own = register === props.register;
  const registerName = useCallback((r: ImportTarget) => t(`views.${registerView(r)}`), [t]);
  const anyErrorText = useErrorText();
  const messageText = useMessageText();
  // A file that cannot be read is answered as VALIDATION of dataBase64, its message naming the file.
  const errorText = useCallback(
    (err: unknown) => {
      const detail = err instanceof ApiError && Array.isArray(err.details) ? (err.details[0] as { field?: string; message?: string } | undefined) : undefined;
      if (detail?.field !== 'dataBase64' || !detail.message) return anyErrorText(err);
      return t('excel.unreadable', { message: (err as ApiError).text ? messageText(err) : detail.message });
    },
    [t, anyErrorText, messageText],
  );
  const fileInput = useRef<HTMLInputElement>(null);
  const primary = useRef<HTMLButtonElement>(null);
  const [step, setStep] = useState<Step>('file');
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  // The tables detection offered when it could not choose: kept while the user tries them.
  const [offered, setOffered] = useState<TableCandidate[] | null>(null);
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
  /** Previews the core holds for this dialog: released when it closes, however it closes. */
  const made = useRef(new Set<string>());
  useEffect(() => {
    const held = made.current;
    return () => {
      for (const previewId of held) void mutate('excel.discardPreview', { previewId }, { touches: [] }).catch(() => undefined);
      held.clear();
    };
  }, []);

  // Each step starts on its main button (once it can be pressed), so Enter walks through the import.
  const focusedStep = useRef<Step | null>(null);
  useEffect(() => {
    if (busy !== null || focusedStep.current === step) return;
    focusedStep.current = step;
    primary.current?.focus();
  }, [step, busy]);

  // Another register's fields and values are named as its grid names them.
  const fieldLabel = useMemo(() => (own ? props.fieldLabel : importFieldLabel(t, register)), [own, props.fieldLabel, t, register]);
  const problemLine = useCallback((p: Problem) => problemText(p, t, fieldLabel), [t, fieldLabel]);
  // The project's lists, for reading client words that are not on them.
  const [vocab, setVocab] = useState<Vocabularies | null>(null);
  useEffect(() => {
    let live = true;
    read('vocab.list', { projectId })
      .then((v) => live && setVocab(v))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [projectId]);
  const listItems = useCallback(
    (field: string) => {
      const list = register === 'wbs' ? undefined : REGISTERS[register].vocab[field]?.list;
      const items = list && vocab ? vocab[list].items : [];
      return items.map((i) => ({ code: i.code, label: (i18n.language.startsWith('en') && i.labelEn) || i.labelJa }));
    },
    [register, vocab, i18n.language],
  );
  const labels = useMemo<Labels>(
    () => ({
      field: fieldLabel,
      problem: problemLine,
      value: (field, v) => {
        const other = (w: PreviewValue) => (typeof w === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(w) ? formatDate(w) : (listItems(field).find((i) => i.code === w)?.label ?? (w === null ? '' : String(w))));
        const shown = field.startsWith('extra:') ? String(v) : own ? props.formatValue(field, v) : other(v);
        return shown === '' ? t('excel.empty') : shown;
      },
      empty: t('excel.empty'),
    }),
    [fieldLabel, own, listItems, props.formatValue, t, problemLine],
  );
  // Where the preview answered only some of its problems, the Problems tab lists the pages loaded so
  // far, the next one asked for as the list is scrolled near its end.
  const [problemPages, setProblemPages] = useState<{ previewId: string; problems: Problem[] } | null>(null);
  const loadingProblems = useRef<string | null>(null);
  const paged = preview !== null && problemsPaged(preview);
  const pagedProblems = paged && problemPages?.previewId === preview.previewId ? problemPages.problems : [];
  const moreProblems = useCallback(() => {
    if (!preview || !problemsPaged(preview)) return;
    const { previewId } = preview;
    const offset = problemPages?.previewId === previewId ? problemPages.problems.length : 0;
    if (offset >= preview.counts.problems || loadingProblems.current === `${previewId}:${offset}`) return;
    loadingProblems.current = `${previewId}:${offset}`;
    void read('excel.previewProblems', { previewId, offset, limit: PREVIEW_PROBLEMS_PAGE })
      .then((page) => setProblemPages((had) => (had?.previewId === previewId ? (had.problems.length === offset ? { previewId, problems: [...had.problems, ...page.problems] } : had) : offset === 0 ? { previewId, problems: page.problems } : had)))
      .catch((err) => setError(errorText(err)))
      .finally(() => {
        if (loadingProblems.current === `${previewId}:${offset}`) loadingProblems.current = null;
      });
  }, [preview, problemPages]);
  useEffect(() => {
    if (paged && tab === 'problems' && pagedProblems.length === 0) moreProblems();
  }, [paged, tab, pagedProblems.length, moreProblems]);
  const lines = useMemo(() => (preview ? previewLines(preview, labels, KEY_FIELDS, paged ? pagedProblems : preview.problems) : []), [preview, labels, paged, pagedProblems]);

  const runPreview = useCallback(
    async (f: { name: string; base64: string }, mapping?: MappingInput, previewId?: string, target: ImportTarget = register) => {
      const mine = ++seq.current;
      setBusy('preview');
      try {
        // A correction refines the preview the core keeps (the workbook is not sent again).
        const p = await read('excel.previewImport', {
          projectId,
          register: target,
          ...(previewId ? { previewId } : { fileName: f.name, dataBase64: f.base64 }),
          ...(mapping ? { mapping } : {}),
        });
        made.current.add(p.previewId);
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
    setRegister(props.register);
    setSuggested(null);
    const p = await runPreview(f, undefined, undefined, props.register);
    // Asked after the preview is shown, so it never slows it: a register the table fits clearly better.
    if (p)
      void read('excel.suggestRegister', { previewId: p.previewId })
        .then((s) => setSuggested(s.register))
        .catch(() => undefined);
    setOffered(p?.detection?.ask === 'table' && p.detection.candidates.length > 1 ? p.detection.candidates : null);
    if (!p) return setStep('file');
    setOptions({ missing: 'keep', profile: defaultProfileChoice(p.profile, false), profileName: profileNameOf(p.profile?.name ?? f.name) });
    setTab(firstTab(p));
    setStep('mapping');
  };

  const switchRegister = async (target: ImportTarget) => {
    if (!file) return;
    setSuggested(null);
    setRegister(target);
    setEdited(false);
    const p = await runPreview(file, undefined, undefined, target);
    setOffered(p?.detection?.ask === 'table' && p.detection.candidates.length > 1 ? p.detection.candidates : null);
    if (!p) return;
    setFound(p.profile ? { id: p.profile.id, name: p.profile.name } : null);
    setOptions({ missing: 'keep', profile: defaultProfileChoice(p.profile, false), profileName: profileNameOf(p.profile?.name ?? file.name) });
    setTab(firstTab(p));
  };

  const changeMapping = async (change: MappingChange) => {
    if (!file || !preview) return;
    setEdited(true);
    const mapping = mappingAfter(preview, change);
    setPreview(withChange(preview, change));
    const p = await runPreview(file, mapping, answered.current?.previewId ?? preview.previewId);
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
        // The register's screens (and its profile's) are read again before the dialog closes.
        const result = await mutate(
          'excel.applyImport',
          { previewId: preview.previewId, options: applyOptions({ ...options, found }) },
          { touches: [register === 'wbs' ? 'wbs_task' : register, 'profile', HISTORY] },
        );
        made.current.delete(preview.previewId);
        onImported(result, preview.fileName);
        onClose();
        // Written into another register than the page's: show it.
        if (!own) {
          const params = hashParams();
          params.set('view', registerView(register));
          location.hash = params.toString();
        }
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

  const busyText = busy === 'apply' ? t('excel.applying') : busy ? t('excel.previewing') : null;
  const counts = preview?.counts;

  return (
    <DialogFrame
      titleId="import-title"
      title={t('excel.title', { register: own ? props.title : registerName(register) })}
      className="import-dialog"
      testId="import-dialog"
      steps={{ all: STEPS, current: step, label: (s) => t(`excel.steps.${s}`) }}
      error={error}
      onDismissError={() => setError(null)}
      // Esc while the import is being written waits for it.
      onEscape={() => busy === 'apply'}
      onClose={onClose}
      statusTestId="import-status"
      status={busyText ?? (counts && t('excel.summary', counts))}
      actions={
        <>
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
        </>
      }
    >
      <FileInput inputRef={fileInput} accept={WORKBOOK_TYPES} label={t('excel.choose')} testId="import-file-input" onFile={(f) => void choose(f)} />
      <div className="import-body">
        {step === 'file' && (
          <DropZone
            buttonRef={primary}
            label={t('excel.choose')}
            dropHint={t('excel.dropHint')}
            hint={t('excel.chooseHint')}
            disabled={busy !== null}
            onChoose={() => fileInput.current?.click()}
            onFile={(f) => void choose(f)}
          />
        )}
        {step !== 'file' && suggested && suggested !== register && (
          <div className="notice" role="status" data-testid="import-suggestion">
            {t('excel.suggest', { register: registerName(suggested) })}{' '}
            <button onClick={() => void switchRegister(suggested)} disabled={busy !== null}>
              {t('excel.suggestSwitch', { register: registerName(suggested) })}
            </button>
          </div>
        )}
        {step === 'mapping' && preview && (
          <MappingStep
            preview={preview}
            busy={busy !== null}
            file={file}
            tables={offered}
            problemText={problemLine}
            listItems={listItems}
            fieldLabel={fieldLabel}
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
            onMoreProblems={paged ? moreProblems : undefined}
            options={options}
            onOptions={setOption}
            found={found}
            busy={busy !== null}
          />
        )}
      </div>
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </DialogFrame>
  );
}
