// 議事録フォームの設定, カードの設定 and 週次報告フォームの設定: a client's blank workbook mapped by picking —
// an item on the left (会議名, 日時, 場所…, or a table's rows and columns; for a card, the register's
// columns as the grid heads them and プロジェクト名; for a weekly report, its figures, its lists and the
// S-curve), then the cell on the sheet where it goes. The sheet is drawn as Excel shows it; what is
// mapped is marked with its label. A 議事録 form is saved as a form profile (profile.createForm /
// updateForm); a card — one risk, issue or change row into a 不具合管理票 or a review card — has single
// cells only and is saved as a card profile (profile.createCard / updateCard); a weekly report form
// (進捗報告書) has cells, blocks and the S-curve as a picture whose top-left is a picked cell, and is saved
// as a report profile (profile.createReport / updateReport).
// This file holds the steps, opening and saving; its parts: FormFileStep (the file), FieldList and
// BlockList (the left panel), SheetPane with useSheetView and useSheetPicking (the sheet and picking on
// it, keys included), useFormLabels (the words), formSave (what a save writes, without React).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SheetPreview } from '../../../../electron/common/api/excel.js';
import { CARD_REGISTERS, cardFields, type CardRegister } from '../../../../electron/common/excel/form.js';
import type { ProfileSummary } from '../../../../electron/common/excel/preview.js';
import { ApiError, textError } from '../../../../electron/common/errors.js';
import { mutate, read } from '../../api/useApi.js';
import { readFileBase64 } from '../../api/upload.js';
import { ConfirmDialog, type ConfirmRequest } from '../../ui/ConfirmDialog.js';
import { DialogFrame, FileInput } from '../../ui/DialogFrame.js';
import { useErrorText, useMessageText } from '../../ui/ErrorBanner.js';
import { profileNameOf } from '../excel/importModel.js';
import { BlockList } from './BlockList.js';
import { ChartList, FieldList } from './FieldList.js';
import { FormFileStep } from './FormFileStep.js';
import { editorKind, type EditorKind } from './formKinds.js';
import { a1, defaultSheet, emptyLayout, sameLayout, targetOf, type PickLayout } from './formModel.js';
import { openedProfile, savePlan, saveProblem, refusedCell, type RefusalDetail, type SaveWrite } from './formSave.js';
import { SheetPane } from './SheetPane.js';
import { useFormLabels } from './useFormLabels.js';
import { useSheetPicking } from './useSheetPicking.js';
import { useSheetView } from './useSheetView.js';

/** The blank forms the editor reads: Excel workbooks (a form is never a CSV). */
const FORM_TYPES = '.xlsx,.xlsm';

export interface FormEditorProps {
  /** Edit this form or card profile; without it, a new one starts from a file. */
  profileId?: number;
  /**
   * A card (one row of this register into a client's form) rather than a 議事録 form: the register a new
   * card starts on (it can be changed until saved), or the register of the card profile edited.
   */
  card?: CardRegister;
  /** A weekly report form (a report profile) rather than a 議事録 form. */
  report?: boolean;
  /** The first step also lists the saved forms, to edit one (from the minutes page). */
  offerExisting?: boolean;
  onClose(): void;
  onSaved(profile: ProfileSummary): void;
}

type Step = 'file' | 'mapping';
const STEPS: Step[] = ['file', 'mapping'];

/** Sends one write of a save (its method and that method's input, as formSave planned it); profile lists are read again. */
function send<W extends SaveWrite>(w: W) {
  return mutate(w.method, w.args, { touches: ['profile'] });
}

export function FormEditor({ profileId, card: cardProp, report: reportProp, offerExisting, onClose, onSaved }: FormEditorProps) {
  const { t } = useTranslation();
  const anyErrorText = useErrorText();
  const messageText = useMessageText();
  /** The card's register; null for a 議事録 form or a report form. */
  const [card, setCard] = useState<CardRegister | null>(cardProp ?? null);
  /** A report form (also when the profile opened turns out to be one). */
  const [report, setReport] = useState(reportProp === true);
  const kindName: EditorKind = card ? 'card' : report ? 'report' : 'form';
  /** What this kind of form maps: its cells, its tables and their columns, its charts, its texts. */
  const kind = useMemo(() => editorKind(kindName, card), [kindName, card]);
  const labels = useFormLabels(kind, card);
  const { tx, fieldLabel, listLabel, registerLabel } = labels;
  const fileInput = useRef<HTMLInputElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const chooseButton = useRef<HTMLButtonElement>(null);
  const [step, setStep] = useState<Step>('file');
  const [editing, setEditing] = useState<{ id: number; name: string } | null>(null);
  const [source, setSource] = useState<{ fileName: string; base64: string | null } | null>(null);
  const [preview, setPreview] = useState<SheetPreview | null>(null);
  const [layout, setLayout] = useState<PickLayout>(emptyLayout(''));
  const initial = useRef<PickLayout>(emptyLayout(''));
  const [name, setName] = useState('');
  const [busy, setBusy] = useState<'reading' | 'saving' | null>(profileId !== undefined ? 'reading' : null);
  const [error, setError] = useState<string | null>(null);
  const [existing, setExisting] = useState<ProfileSummary[] | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  /** The latest layout, for naming the cell a refusal points at. */
  const latestLayout = useRef(layout);
  latestLayout.current = layout;

  const view = useSheetView(preview, layout, labels.labelOf);
  const picking = useSheetPicking({ layout, setLayout, kind, view, gridRef, listLabel });
  const { tool, setTool, cursor, setCursor } = picking;
  const { names, sheet } = view;

  const errorText = useCallback(
    (err: unknown) => {
      const detail = err instanceof ApiError && Array.isArray(err.details) ? (err.details[0] as RefusalDetail | undefined) : undefined;
      const said = (message: string) => ((err as ApiError).text ? messageText(err) : message);
      if (detail?.field === 'dataBase64' && detail.message) return t('excel.unreadable', { message: said(detail.message) });
      const cell = refusedCell(detail, latestLayout.current);
      if (cell) return t('minutesForm.problem.cell', { field: `${fieldLabel(cell.field)} (${cell.ref})`, message: said(cell.message) });
      return anyErrorText(err);
    },
    [t, anyErrorText, messageText, fieldLabel],
  );

  // ---------------------------------------------------------------- opening
  const openProfile = useCallback(
    async (id: number) => {
      setBusy('reading');
      setError(null);
      try {
        const [p, sheets] = await Promise.all([read('profile.get', { id }), read('excel.sheetPreview', { profileId: id })]);
        const opened = openedProfile(p);
        if (!opened) throw textError('VALIDATION', 'profile.notForm', { profile: p.name }, `${p.name} is not a minutes form or a card`);
        setCard(opened.card);
        setReport(opened.report);
        setEditing({ id: p.id, name: p.name });
        setName(p.name);
        setSource({ fileName: p.fileName, base64: null });
        setPreview(sheets);
        setLayout(opened.layout);
        initial.current = opened.layout;
        const first = opened.layout.cells.map((c) => targetOf(c.ref, opened.layout.sheet, sheets.names)).find((x) => x !== null);
        setCursor(first ?? { r: 1, c: 0 });
        setStep('mapping');
      } catch (err) {
        setError(errorText(err));
      } finally {
        setBusy(null);
      }
    },
    [errorText, setCursor],
  );

  useEffect(() => {
    if (profileId !== undefined) void openProfile(profileId);
  }, [profileId, openProfile]);

  useEffect(() => {
    if (!offerExisting || profileId !== undefined || cardProp) return;
    read('profile.list', { register: 'minutes' })
      .then((list) => setExisting(list.filter((p) => p.kind === 'form')))
      .catch(() => setExisting([]));
  }, [offerExisting, profileId, cardProp]);

  useEffect(() => {
    if (step === 'file' && busy === null) chooseButton.current?.focus();
  }, [step, busy]);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setBusy('reading');
    setError(null);
    try {
      const base64 = await readFileBase64(file);
      const sheets = await read('excel.sheetPreview', { fileName: file.name, dataBase64: base64 });
      if (sheets.sheets.length === 0) throw new Error(t('excel.unreadable', { message: file.name }));
      setSource({ fileName: file.name, base64 });
      setPreview(sheets);
      const first = defaultSheet(sheets, kind.sheet);
      // Another file of the same form keeps what was picked so far.
      const kept = layout.cells.length + layout.blocks.length > 0 && sheets.sheets.some((s) => s.name === layout.sheet);
      if (!kept) setLayout(emptyLayout(first));
      initial.current = emptyLayout(kept ? layout.sheet : first);
      if (name.trim() === '') setName(profileNameOf(file.name));
      setCursor({ r: 1, c: 0 });
      setTool(null);
      setStep('mapping');
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(null);
    }
  };

  // Once the sheet is drawn, the keyboard is on it.
  useEffect(() => {
    if (step === 'mapping') gridRef.current?.focus({ preventScroll: true });
  }, [step]);

  // ---------------------------------------------------------------- saving and closing
  const dirty = step === 'mapping' && (!sameLayout(layout, initial.current) || (editing !== null && name.trim() !== editing.name));

  const requestClose = () => {
    if (busy === 'saving') return;
    if (!dirty) return onClose();
    setConfirm({ title: tx('discardTitle'), message: tx('discard'), confirmLabel: t('minutesForm.discardOk'), onConfirm: onClose });
  };

  const save = async () => {
    if (busy !== null || !source) return;
    const bad = saveProblem(name, layout);
    if (bad) return setError(bad.kind === 'noName' ? tx('problem.noName') : bad.kind === 'empty' ? tx('problem.empty') : t('minutesForm.problem.noColumns', { list: listLabel(bad.list) }));
    setBusy('saving');
    setError(null);
    try {
      const plan = savePlan({ card, report, layout, name, source, editing });
      let saved: ProfileSummary = await send(plan.write);
      if (plan.rename) saved = await mutate('profile.update', plan.rename, { touches: ['profile'] });
      onSaved(saved);
      onClose();
    } catch (err) {
      setError(errorText(err));
      setBusy(null);
    }
  };

  /** A new card's register changes: the cells of fields the other register lacks are let go. */
  const changeRegister = (next: CardRegister) => {
    const keep = cardFields(next);
    setCard(next);
    setLayout((l) => ({ ...l, cells: l.cells.filter((c) => keep.includes(c.field)) }));
    if (tool?.kind === 'cell' && !keep.includes(tool.field)) setTool(null);
  };

  // ---------------------------------------------------------------- drawing
  const status =
    busy === 'reading'
      ? t('minutesForm.loading')
      : busy === 'saving'
        ? t('minutesForm.saving')
        : step === 'mapping'
          ? `${tx('counts', { cells: layout.cells.length, blocks: layout.blocks.length, images: layout.images?.length ?? 0 })}　${t('minutesForm.cursor', { cell: a1(cursor.r, cursor.c) })}`
          : '';
  const lists = { layout, kind, labels, picking };

  return (
    <DialogFrame
      titleId="form-editor-title"
      title={
        <>
          {card ? t('cardForm.title', { register: registerLabel(card) }) : tx('title')}
          {editing && <span className="fx-editing"> — {editing.name}</span>}
        </>
      }
      className={`import-dialog form-editor${card ? ' card-editor' : ''}${report ? ' report-editor' : ''}`}
      testId="form-editor"
      steps={{ all: STEPS, current: step, label: (s) => tx(`steps.${s}`) }}
      error={error}
      onDismissError={() => setError(null)}
      // Esc asks before a mapping not saved is thrown away.
      onEscape={() => (requestClose(), true)}
      onClose={onClose}
      statusTestId="form-status"
      status={status}
      actions={
        <>
          {step === 'mapping' && (
            <label className="fx-name">
              <span className="muted">{tx('profileName')}</span>
              <input type="text" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} aria-label={tx('profileName')} />
            </label>
          )}
          <button onClick={requestClose} disabled={busy === 'saving'}>
            {t('common.cancel')}
          </button>
          {step === 'mapping' && !editing && (
            <button onClick={() => setStep('file')} disabled={busy !== null}>
              {t('excel.back')}
            </button>
          )}
          {step === 'mapping' && (
            <button className="primary" onClick={() => void save()} disabled={busy !== null} data-testid="form-save">
              {t('minutesForm.save')}
            </button>
          )}
        </>
      }
    >
      <FileInput inputRef={fileInput} accept={FORM_TYPES} label={tx('choose')} testId="form-file-input" onFile={(f) => void choose(f)} />
      {step === 'file' && (
        <FormFileStep
          card={editing ? null : card}
          existing={existing}
          disabled={busy !== null}
          labels={labels}
          chooseButton={chooseButton}
          onRegister={changeRegister}
          onChoose={() => fileInput.current?.click()}
          onFile={(f) => void choose(f)}
          onOpen={(id) => void openProfile(id)}
        />
      )}
      {step === 'mapping' && preview && sheet && (
        <div className="fx-body">
          <div className="fx-facts">
            <span className="fx-fact">
              <span className="muted">{t('minutesForm.file')}</span> <strong data-testid="form-file">{source?.fileName}</strong>
              {!editing && (
                <button className="link" onClick={() => fileInput.current?.click()} disabled={busy !== null}>
                  {t('minutesImport.otherFile')}
                </button>
              )}
            </span>
            <label className="fx-fact">
              <span className="muted">{t('minutesForm.sheet')}</span>
              <select value={layout.sheet || sheet.name} onChange={(e) => setLayout((l) => ({ ...l, sheet: e.target.value }))}>
                {preview.sheets.map((s) => (
                  <option key={s.name} value={s.name}>
                    {s.name}
                  </option>
                ))}
              </select>
            </label>
            {card && (
              <label className="fx-fact">
                <span className="muted">{t('cardForm.register')}</span>
                <select value={card} onChange={(e) => changeRegister(e.target.value as CardRegister)} disabled={editing !== null}>
                  {CARD_REGISTERS.map((r) => (
                    <option key={r} value={r}>
                      {registerLabel(r)}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {names.length > 0 && (
              <span className="fx-fact muted">
                {t('minutesForm.names')}: {names.length}
              </span>
            )}
          </div>
          <div className="fx-work">
            <nav className="fx-panel" aria-label={t('minutesForm.cells')}>
              <h3>{t('minutesForm.cells')}</h3>
              <FieldList {...lists} names={names} />
              {!card && <BlockList {...lists} />}
              <ChartList {...lists} />
            </nav>
            <SheetPane layout={layout} kind={kind} view={view} picking={picking} labels={labels} gridRef={gridRef} />
          </div>
        </div>
      )}
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </DialogFrame>
  );
}
