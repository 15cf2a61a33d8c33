// 議事録フォームの設定, カードの設定 and 週次報告フォームの設定: a client's blank workbook mapped by picking —
// an item on the left (会議名, 日時, 場所…, or a table's rows and columns; for a card, the register's
// columns as the grid heads them and プロジェクト名; for a weekly report, its figures, its lists and the
// S-curve), then the cell on the sheet where it goes. The sheet is drawn as Excel shows it; what is
// mapped is marked with its label. A 議事録 form is saved as a form profile (profile.createForm /
// updateForm); a card — one risk, issue or change row into a 不具合管理票 or a review card — has single
// cells only and is saved as a card profile (profile.createCard / updateCard); a weekly report form
// (進捗報告書) has cells, blocks and the S-curve as a picture whose top-left is a picked cell, and is saved
// as a report profile (profile.createReport / updateReport).
// Keyboard: arrows move the cell cursor, Enter assigns the chosen item to it, Delete unmaps it,
// Shift+arrows pick a table's rows, Esc drops the chosen item; Home/End, PageUp/PageDown and
// Ctrl+Home/End move further.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SheetPreview } from '../../../../electron/common/api/excel.js';
import { CARD_REGISTERS, cardFields, type CardRegister, type FormLayout } from '../../../../electron/common/excel/form.js';
import type { ReportFormLayout } from '../../../../electron/common/excel/report-form.js';
import { columnName } from '../../../../electron/common/excel/model.js';
import type { ProfileSummary } from '../../../../electron/common/excel/preview.js';
import { ApiError, textError } from '../../../../electron/common/errors.js';
import { call } from '../../api/client.js';
import { readFileBase64 } from '../../api/upload.js';
import { ConfirmDialog, type ConfirmRequest } from '../../ui/ConfirmDialog.js';
import { DialogFrame, DropZone, FileInput } from '../../ui/DialogFrame.js';
import { useErrorText, useMessageText } from '../../ui/ErrorBanner.js';
import { formatDay, registerView } from '../excel/exportModel.js';
import { importFieldLabel, profileNameOf } from '../excel/importModel.js';
import {
  a1,
  anchorOf,
  assignCell,
  assignColumn,
  assignImage,
  assignRows,
  blockOf,
  columnIndex,
  columnWidths,
  defaultSheet,
  emptyLayout,
  gridRows,
  jumpCursor,
  layoutProblem,
  marksOf,
  mergeIndex,
  moveCursor,
  normalized,
  posOf,
  removeAt,
  removeBlock,
  removeCell,
  removeColumn,
  removeImage,
  sameLayout,
  sheetExtent,
  targetOf,
  textIndex,
  type Mark,
  type PickLayout,
  type Pos,
  type Tool,
} from './formModel.js';
import { editorKind, type EditorKind } from './formKinds.js';
import { SheetGrid } from './SheetGrid.js';

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
  /** A text of the editor: a card's or a report form's own where it has one, else the 議事録 form's. */
  const tx = useCallback(
    (key: string, opts?: Record<string, unknown>) => t(kind.texts === 'minutesForm' ? `minutesForm.${key}` : [`${kind.texts}.${key}`, `minutesForm.${key}`], opts ?? {}),
    [t, kind],
  );
  const fields = kind.fields;
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
  const [tool, setTool] = useState<Tool | null>(null);
  const [cursor, setCursor] = useState<Pos>({ r: 1, c: 0 });
  /** The row a range of rows starts at (drag, Shift+click, Shift+arrows). */
  const [anchor, setAnchor] = useState<number | null>(null);
  const [busy, setBusy] = useState<'reading' | 'saving' | null>(profileId !== undefined ? 'reading' : null);
  const [error, setError] = useState<string | null>(null);
  /** Why the last pick was not taken (overlapping rows, a column outside its table). */
  const [problem, setProblem] = useState<string | null>(null);
  const [existing, setExisting] = useState<ProfileSummary[] | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  /** The latest state, for the pointer's release (which may come outside the sheet) and for errors. */
  const latest = useRef({ layout, cursor, anchor, tool });
  latest.current = { layout, cursor, anchor, tool };
  const dragging = useRef(false);

  // ---------------------------------------------------------------- labels
  /** A card's fields as the register's grid heads its columns (and プロジェクト名); a form's its own. */
  const fieldLabel = useMemo(() => {
    if (!card) return (f: string) => t(`${kind.texts}.field.${f}`, { defaultValue: f });
    const column = importFieldLabel(t, card);
    return (f: string) => (f === 'projectName' ? t('minutesForm.field.projectName') : column(f));
  }, [t, card, kind]);
  const registerLabel = useCallback((r: CardRegister) => t(`views.${registerView(r)}`), [t]);
  const listLabel = useCallback((l: string) => t(`${kind.texts}.list.${l}`, { defaultValue: l }), [t, kind]);
  // A report form's columns mean the same in every list (a task's 担当, a risk's 担当): labelled by field.
  const columnLabel = useCallback(
    (l: string, f: string) => t(kind.texts === 'reportForm' ? `reportForm.column.${f}` : `minutesForm.column.${l}.${f}`, { defaultValue: f }),
    [t, kind],
  );
  const chartLabel = useCallback((c: string) => t(`reportForm.chart.${c}`, { defaultValue: c }), [t]);
  /** A mark's label on the sheet: the item, a table's column (its table shows by its colour), or a chart. */
  const labelOf = useCallback(
    (m: Mark) => (m.kind === 'cell' ? fieldLabel(m.key) : m.kind === 'image' ? chartLabel(m.key) : columnLabel(m.key, m.field ?? '')),
    [fieldLabel, columnLabel, chartLabel],
  );
  /** The same, in full, for the cell's accessible name. */
  const fullLabelOf = useCallback(
    (m: Mark) =>
      m.kind === 'cell' ? fieldLabel(m.key) : m.kind === 'image' ? t('reportForm.imageAt', { chart: chartLabel(m.key) }) : `${listLabel(m.key)}: ${columnLabel(m.key, m.field ?? '')}`,
    [t, fieldLabel, listLabel, columnLabel, chartLabel],
  );

  const errorText = useCallback(
    (err: unknown) => {
      const detail = err instanceof ApiError && Array.isArray(err.details) ? (err.details[0] as { field?: string; message?: string } | undefined) : undefined;
      if (detail?.field === 'dataBase64' && detail.message) return t('excel.unreadable', { message: (err as ApiError).text ? messageText(err) : detail.message });
      const cell = detail?.field && /^(?:form|card|report)\.cells\.(\d+)\.(?:ref|field)$/.exec(detail.field);
      if (cell && detail?.message) {
        const c = latest.current.layout.cells[Number(cell[1])];
        if (c) return t('minutesForm.problem.cell', { field: `${fieldLabel(c.field)} (${c.ref})`, message: (err as ApiError).text ? messageText(err) : detail.message });
      }
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
        const [p, sheets] = await Promise.all([call('profile.get', { id }), call('excel.sheetPreview', { profileId: id })]);
        if (p.kind === 'table') throw textError('VALIDATION', 'profile.notForm', { profile: p.name }, `${p.name} is not a minutes form or a card`);
        const loaded: PickLayout = p.kind === 'form' ? p.form : p.kind === 'report' ? p.report : { sheet: p.card.sheet, cells: p.card.cells, blocks: [] };
        setCard(p.kind === 'card' ? p.register : null);
        setReport(p.kind === 'report');
        setEditing({ id: p.id, name: p.name });
        setName(p.name);
        setSource({ fileName: p.fileName, base64: null });
        setPreview(sheets);
        setLayout(loaded);
        initial.current = loaded;
        const first = loaded.cells.map((c) => targetOf(c.ref, loaded.sheet, sheets.names)).find((x) => x !== null);
        setCursor(first ?? { r: 1, c: 0 });
        setStep('mapping');
      } catch (err) {
        setError(errorText(err));
      } finally {
        setBusy(null);
      }
    },
    [errorText],
  );

  useEffect(() => {
    if (profileId !== undefined) void openProfile(profileId);
  }, [profileId, openProfile]);

  useEffect(() => {
    if (!offerExisting || profileId !== undefined || cardProp) return;
    call('profile.list', { register: 'minutes' })
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
      const sheets = await call('excel.sheetPreview', { fileName: file.name, dataBase64: base64 });
      if (sheets.sheets.length === 0) throw new Error(t('excel.unreadable', { message: file.name }));
      setSource({ fileName: file.name, base64 });
      setPreview(sheets);
      const sheet = defaultSheet(sheets, kind.sheet);
      // Another file of the same form keeps what was picked so far.
      const kept = layout.cells.length + layout.blocks.length > 0 && sheets.sheets.some((s) => s.name === layout.sheet);
      if (!kept) setLayout(emptyLayout(sheet));
      initial.current = emptyLayout(kept ? layout.sheet : sheet);
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

  // ---------------------------------------------------------------- the sheet
  const names = useMemo(() => preview?.names ?? [], [preview]);
  const sheet = preview?.sheets.find((s) => s.name === layout.sheet) ?? preview?.sheets[0] ?? null;
  const merges = useMemo(() => (sheet ? mergeIndex(sheet) : { at: new Map(), covered: new Map() }), [sheet]);
  const texts = useMemo(() => (sheet ? textIndex(sheet) : new Map<string, string>()), [sheet]);
  const need = sheet ? sheetExtent(sheet, layout, names) : { rows: 30, columns: 10 };
  // Primitive keys: picking cells does not redraw the sheet unless it has to grow.
  const extent = useMemo(() => ({ rows: need.rows, columns: need.columns }), [need.rows, need.columns]);
  const rows = useMemo(() => gridRows(extent, texts, merges), [extent, texts, merges]);
  const marks = useMemo(() => marksOf(layout, names), [layout, names]);
  const tagTexts = useMemo(() => {
    const out = new Map<string, string[]>();
    for (const [k, list] of marks.cells) out.set(k, list.filter((x) => x.kind === 'cell' || x.head).map(labelOf));
    return out;
  }, [marks, labelOf]);
  const widths = useMemo(
    () => (sheet ? columnWidths(sheet, extent.columns, merges.covered, merges.at, tagTexts) : []),
    [sheet, extent.columns, merges, tagTexts],
  );

  const change = (next: PickLayout | null) => {
    if (!next) return;
    setLayout(next);
    setProblem(null);
  };

  /** The chosen table covers rows a..b (either order). */
  const setRows = (list: string, a: number, b: number) => {
    const res = assignRows(latest.current.layout, list, a, b);
    if (!res.ok) return setProblem(t('minutesForm.problem.overlap', { list: listLabel(res.other) }));
    change(res.layout);
  };

  /** A click or Enter on a cell with an item or a table column chosen. */
  const pickCell = (p: Pos) => {
    if (!tool || tool.kind === 'rows') return;
    if (tool.kind === 'cell') return change(assignCell(layout, tool.field, a1(p.r, p.c), names, fields));
    if (tool.kind === 'image') return change(assignImage(layout, tool.chart, a1(p.r, p.c), kind.charts));
    const b = blockOf(layout, tool.list);
    if (!b) return;
    if (p.r < b.firstRow || p.r > b.lastRow)
      return setProblem(t('minutesForm.problem.outside', { list: listLabel(tool.list), first: b.firstRow, last: b.lastRow }));
    change(assignColumn(layout, tool.list, tool.field, columnName(p.c), kind.lists));
  };

  const onCellDown = (p: Pos, opts: { shift: boolean; header: boolean }) => {
    const at = opts.header ? { r: p.r, c: cursor.c } : anchorOf(p, merges.covered);
    if (tool?.kind === 'rows') {
      const list = tool.list;
      if (opts.shift && anchor !== null) {
        setCursor(at);
        return setRows(list, anchor, at.r);
      }
      setAnchor(at.r);
      setCursor(at);
      dragging.current = true;
      window.addEventListener(
        'mouseup',
        () => {
          if (!dragging.current) return;
          dragging.current = false;
          const s = latest.current;
          if (s.tool?.kind === 'rows' && s.anchor !== null) setRows(s.tool.list, s.anchor, s.cursor.r);
        },
        { once: true },
      );
      return;
    }
    setCursor(at);
    setAnchor(null);
    if (!opts.header) pickCell(at);
  };

  const onCellEnter = (p: Pos) => {
    if (!dragging.current) return;
    setCursor((c) => (c.r === p.r ? c : { r: p.r, c: p.c < 0 ? c.c : anchorOf(p, merges.covered).c }));
  };

  const onGridKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const key = e.key;
    if (key === 'ArrowUp' || key === 'ArrowDown' || key === 'ArrowLeft' || key === 'ArrowRight') {
      e.preventDefault();
      if (e.shiftKey && tool?.kind === 'rows') {
        if (anchor === null) setAnchor(cursor.r);
      } else setAnchor(null);
      setCursor(moveCursor(cursor, key, merges, extent));
    } else if (key === 'Home' || key === 'End' || key === 'PageUp' || key === 'PageDown') {
      e.preventDefault();
      if (e.shiftKey && tool?.kind === 'rows') {
        if (anchor === null) setAnchor(cursor.r);
      } else setAnchor(null);
      const page = Math.max(1, Math.floor((gridRef.current?.clientHeight ?? 500) / 24) - 2);
      setCursor(jumpCursor(cursor, key, e.ctrlKey || e.metaKey, merges, extent, page));
    } else if (key === 'Enter') {
      e.preventDefault();
      if (tool?.kind === 'rows') {
        setRows(tool.list, anchor ?? cursor.r, cursor.r);
        setAnchor(null);
      } else pickCell(cursor);
    } else if (key === 'Delete' || key === 'Backspace') {
      e.preventDefault();
      change(removeAt(layout, cursor, names));
    } else if (key === 'Escape' && (tool || anchor !== null)) {
      // Esc first drops the chosen item; a prevented keydown is no close request, so the dialog stays.
      e.preventDefault();
      setTool(null);
      setAnchor(null);
      setProblem(null);
    }
  };

  /** An item of the left panel is chosen: the cursor goes to where it is mapped, the keyboard to the sheet. */
  const choosePick = (next: Tool) => {
    setTool(next);
    setAnchor(null);
    setProblem(null);
    if (next.kind === 'cell') {
      const c = layout.cells.find((x) => x.field === next.field);
      const p = c ? targetOf(c.ref, layout.sheet, names) : null;
      if (p) setCursor(p);
    } else if (next.kind === 'image') {
      const im = layout.images?.find((x) => x.chart === next.chart);
      const p = im ? posOf(im.ref) : null;
      if (p) setCursor(anchorOf(p, merges.covered));
    } else {
      const b = blockOf(layout, next.list);
      const col = next.kind === 'column' ? b?.columns.find((c) => c.field === next.field) : undefined;
      if (b) setCursor(anchorOf({ r: b.firstRow, c: col ? columnIndex(col.column) : cursor.c }, merges.covered));
    }
    gridRef.current?.focus({ preventScroll: true });
  };

  const isTool = (x: Tool) => JSON.stringify(x) === JSON.stringify(tool);

  // ---------------------------------------------------------------- saving and closing
  const dirty = step === 'mapping' && (!sameLayout(layout, initial.current) || (editing !== null && name.trim() !== editing.name));

  const requestClose = () => {
    if (busy === 'saving') return;
    if (!dirty) return onClose();
    setConfirm({ title: tx('discardTitle'), message: tx('discard'), confirmLabel: t('minutesForm.discardOk'), onConfirm: onClose });
  };

  const save = async () => {
    if (busy !== null || !source) return;
    const n = name.trim();
    if (n === '') return setError(tx('problem.noName'));
    const bad = layoutProblem(layout);
    if (bad) return setError(bad.kind === 'empty' ? tx('problem.empty') : t('minutesForm.problem.noColumns', { list: listLabel(bad.list) }));
    setBusy('saving');
    setError(null);
    try {
      const picked = normalized(layout);
      let saved: ProfileSummary;
      if (card) {
        const layoutOfCard = { register: card, sheet: picked.sheet, cells: picked.cells };
        if (editing) saved = await call('profile.updateCard', { id: editing.id, card: layoutOfCard });
        else saved = await call('profile.createCard', { name: n.slice(0, 200), fileName: source.fileName, dataBase64: source.base64 ?? '', card: layoutOfCard });
      } else if (report) {
        // A report form's cells, tables and charts are picked from its own lists only.
        const form = { sheet: picked.sheet, cells: picked.cells, blocks: picked.blocks, images: picked.images ?? [] } as ReportFormLayout;
        if (editing) saved = await call('profile.updateReport', { id: editing.id, report: form });
        else saved = await call('profile.createReport', { name: n.slice(0, 200), fileName: source.fileName, dataBase64: source.base64 ?? '', report: form });
      } else {
        // A form's cells are picked from its own fields only.
        const form = picked as FormLayout;
        if (editing) saved = await call('profile.updateForm', { id: editing.id, form });
        else saved = await call('profile.createForm', { name: n.slice(0, 200), fileName: source.fileName, dataBase64: source.base64 ?? '', form });
      }
      if (editing && n !== editing.name) saved = await call('profile.update', { id: editing.id, name: n.slice(0, 200) });
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
  const hint = (() => {
    if (!tool) return t('minutesForm.hint.none');
    if (tool.kind === 'cell') return t('minutesForm.hint.cell', { field: fieldLabel(tool.field) });
    if (tool.kind === 'rows') return t('minutesForm.hint.rows', { list: listLabel(tool.list) });
    if (tool.kind === 'image') return t('reportForm.hint.image', { chart: chartLabel(tool.chart) });
    const b = blockOf(layout, tool.list);
    return t('minutesForm.hint.column', { list: listLabel(tool.list), field: columnLabel(tool.list, tool.field), first: b?.firstRow ?? '', last: b?.lastRow ?? '' });
  })();
  const range = tool?.kind === 'rows' && anchor !== null ? { r1: Math.min(anchor, cursor.r), r2: Math.max(anchor, cursor.r) } : null;
  const status =
    busy === 'reading'
      ? t('minutesForm.loading')
      : busy === 'saving'
        ? t('minutesForm.saving')
        : step === 'mapping'
          ? `${tx('counts', { cells: layout.cells.length, blocks: layout.blocks.length, images: layout.images?.length ?? 0 })}　${t('minutesForm.cursor', { cell: a1(cursor.r, cursor.c) })}`
          : '';

  const refText = (ref: string) => {
    const n = names.find((x) => x.name === ref);
    return n ? `${t('minutesForm.viaName', { name: ref })} (${n.sheet === layout.sheet ? n.ref : `${n.sheet}!${n.ref}`})` : ref;
  };

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
        <div className="import-body">
          {card && !editing && (
            <fieldset className="export-choices fx-registers" disabled={busy !== null}>
              <legend>{t('cardForm.register')}</legend>
              {CARD_REGISTERS.map((r) => (
                <label key={r} className={`export-choice${card === r ? ' checked' : ''}`}>
                  <input type="radio" name="card-register" checked={card === r} onChange={() => changeRegister(r)} />
                  <span className="choice-text">
                    <span className="choice-name">{registerLabel(r)}</span>
                    <span className="choice-hint">{t(`cardForm.registerHint.${r}`)}</span>
                  </span>
                </label>
              ))}
            </fieldset>
          )}
          <DropZone
            buttonRef={chooseButton}
            label={tx('choose')}
            dropHint={t('minutesForm.dropHint')}
            hint={tx('chooseHint')}
            disabled={busy !== null}
            onChoose={() => fileInput.current?.click()}
            onFile={(f) => void choose(f)}
          />
          {existing && existing.length > 0 && (
            <section className="fx-existing" aria-labelledby="fx-existing-title">
              <h3 id="fx-existing-title">{t('minutesForm.existing')}</h3>
              <ul>
                {existing.map((p) => (
                  <li key={p.id}>
                    <span className="choice-text">
                      <span className="choice-name">{p.name}</span>
                      <span className="choice-hint">{t('excelExport.profileHint', { file: p.fileName, sheet: p.sheet, updated: formatDay(p.updatedAt) })}</span>
                    </span>
                    <button onClick={() => void openProfile(p.id)} disabled={busy !== null} aria-label={t('minutesForm.editOf', { name: p.name })}>
                      {t('minutesForm.edit')}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
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
              <ul className="fx-items">
                {fields.map((f) => {
                  const mapped = layout.cells.find((c) => c.field === f);
                  const fieldHint = tx(`fieldHint.${f}`, { defaultValue: '' });
                  return (
                    <li key={f} className={`fx-entry${mapped ? ' mapped' : ''}`}>
                      <button
                        className={`fx-item tag-cell${isTool({ kind: 'cell', field: f }) ? ' active' : ''}`}
                        aria-pressed={isTool({ kind: 'cell', field: f })}
                        data-testid={`fx-field-${f}`}
                        onClick={() => choosePick({ kind: 'cell', field: f })}
                        title={[fieldLabel(f), mapped && refText(mapped.ref), fieldHint].filter(Boolean).join(' — ')}
                      >
                        <span className="fx-item-label">{fieldLabel(f)}</span>
                        <span className={`fx-item-ref${mapped ? '' : ' muted'}`}>{mapped ? refText(mapped.ref) : '—'}</span>
                      </button>
                      {mapped ? (
                        <button className="fx-remove" aria-label={t('minutesForm.remove', { label: fieldLabel(f) })} onClick={() => change(removeCell(layout, f))}>
                          ×
                        </button>
                      ) : (
                        <span className="fx-remove-space" />
                      )}
                    </li>
                  );
                })}
              </ul>
              {!card && (
                <>
                  <h3>{t('minutesForm.blocks')}</h3>
                  <ul className="fx-lists">
                    {kind.listOrder.map((list) => {
                      const b = blockOf(layout, list);
                      return (
                        <li key={list} className={`fx-list list-${list}${b ? ' mapped' : ''}`} data-testid={`fx-list-${list}`}>
                          <div className="fx-entry">
                            <button
                              className={`fx-item fx-rows${isTool({ kind: 'rows', list }) ? ' active' : ''}`}
                              aria-pressed={isTool({ kind: 'rows', list })}
                              data-testid={`fx-rows-${list}`}
                              onClick={() => choosePick({ kind: 'rows', list })}
                            >
                              <span className="fx-item-label">
                                <span className={`fx-swatch list-${list}`} />
                                {listLabel(list)}
                              </span>
                              <span className={`fx-item-ref${b ? '' : ' muted'}`}>{b ? t('minutesForm.rowsOf', { first: b.firstRow, last: b.lastRow }) : t('minutesForm.notSet')}</span>
                            </button>
                            {b ? (
                              <button className="fx-remove" aria-label={t('minutesForm.remove', { label: listLabel(list) })} onClick={() => change(removeBlock(layout, list))}>
                                ×
                              </button>
                            ) : (
                              <span className="fx-remove-space" />
                            )}
                          </div>
                          {b && (
                            <ul className="fx-columns">
                              {(kind.lists[list] ?? []).map((f) => {
                                const col = b.columns.find((c) => c.field === f);
                                const pick: Tool = { kind: 'column', list, field: f };
                                return (
                                  <li key={f} className={`fx-entry${col ? ' mapped' : ''}`}>
                                    <button
                                      className={`fx-item fx-col${isTool(pick) ? ' active' : ''}`}
                                      aria-pressed={isTool(pick)}
                                      data-testid={`fx-col-${list}-${f}`}
                                      onClick={() => choosePick(pick)}
                                    >
                                      <span className="fx-item-label">{columnLabel(list, f)}</span>
                                      <span className={`fx-item-ref${col ? '' : ' muted'}`}>{col ? col.column : '—'}</span>
                                    </button>
                                    {col ? (
                                      <button
                                        className="fx-remove"
                                        aria-label={t('minutesForm.remove', { label: `${listLabel(list)} ${columnLabel(list, f)}` })}
                                        onClick={() => change(removeColumn(layout, list, f))}
                                      >
                                        ×
                                      </button>
                                    ) : (
                                      <span className="fx-remove-space" />
                                    )}
                                  </li>
                                );
                              })}
                            </ul>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                </>
              )}
              {kind.charts.length > 0 && (
                <>
                  <h3>{t('reportForm.charts')}</h3>
                  <ul className="fx-items fx-charts">
                    {kind.charts.map((c) => {
                      const placed = layout.images?.find((im) => im.chart === c);
                      const pick: Tool = { kind: 'image', chart: c };
                      return (
                        <li key={c} className={`fx-entry${placed ? ' mapped' : ''}`}>
                          <button
                            className={`fx-item tag-image${isTool(pick) ? ' active' : ''}`}
                            aria-pressed={isTool(pick)}
                            data-testid={`fx-chart-${c}`}
                            onClick={() => choosePick(pick)}
                            title={[chartLabel(c), t('reportForm.chartHint', { width: placed?.width ?? 640, height: placed?.height ?? 280 })].join(' — ')}
                          >
                            <span className="fx-item-label">{chartLabel(c)}</span>
                            <span className={`fx-item-ref${placed ? '' : ' muted'}`}>{placed ? placed.ref : '—'}</span>
                          </button>
                          {placed ? (
                            <button className="fx-remove" aria-label={t('minutesForm.remove', { label: chartLabel(c) })} onClick={() => change(removeImage(layout, c))}>
                              ×
                            </button>
                          ) : (
                            <span className="fx-remove-space" />
                          )}
                        </li>
                      );
                    })}
                  </ul>
                </>
              )}
            </nav>
            <div className="fx-main">
              <div className={`fx-hint${tool ? ' active' : ''}`} role="status" data-testid="form-hint">
                <span className="fx-hint-text">{problem ?? hint}</span>
                {tool?.kind === 'cell' && names.length > 0 && (
                  <select
                    aria-label={t('minutesForm.namePick')}
                    value=""
                    onChange={(e) => {
                      if (e.target.value) change(assignCell(layout, tool.field, e.target.value, names, fields));
                      gridRef.current?.focus({ preventScroll: true });
                    }}
                  >
                    <option value="">{t('minutesForm.namePick')}</option>
                    {names.map((n) => (
                      <option key={n.name} value={n.name}>
                        {`${n.name} (${n.sheet === layout.sheet ? n.ref : `${n.sheet}!${n.ref}`})`}
                      </option>
                    ))}
                  </select>
                )}
                {problem && <span className="fx-problem-mark" aria-hidden="true" />}
              </div>
              <SheetGrid
                gridRef={gridRef}
                label={`${t('minutesForm.sheet')} ${sheet.name}`}
                rows={rows}
                widths={widths}
                cursor={cursor}
                range={range}
                blockRows={marks.rows}
                marks={marks.cells}
                labelOf={labelOf}
                fullLabelOf={fullLabelOf}
                picking={tool ? (tool.kind === 'rows' ? 'rows' : 'cell') : null}
                onCellDown={onCellDown}
                onCellEnter={onCellEnter}
                onKeyDown={onGridKey}
              />
            </div>
          </div>
        </div>
      )}
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </DialogFrame>
  );
}
