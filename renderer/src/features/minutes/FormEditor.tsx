// 議事録フォームの設定: the client's blank 議事録 workbook mapped by picking — an item on the left
// (会議名, 日時, 場所…, or a table's rows and columns), then the cell on the sheet where it goes. The
// sheet is drawn as Excel shows it; what is mapped is marked with its label. Saved as a form profile
// (profile.createForm, or profile.updateForm when editing one). Keyboard: arrows move the cell cursor,
// Enter assigns the chosen item to it, Delete unmaps it, Shift+arrows pick a table's rows, Esc drops
// the chosen item; Home/End, PageUp/PageDown and Ctrl+Home/End move further.
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SheetPreview } from '../../../../electron/common/api/excel.js';
import { MINUTES_FORM_FIELDS, MINUTES_FORM_LISTS, type FormLayout, type MinutesFormField, type MinutesFormList } from '../../../../electron/common/excel/form.js';
import { columnName } from '../../../../electron/common/excel/model.js';
import type { ProfileSummary } from '../../../../electron/common/excel/preview.js';
import { ApiError } from '../../../../electron/common/errors.js';
import { call } from '../../api/client.js';
import { readFileBase64 } from '../../api/upload.js';
import { ConfirmDialog, type ConfirmRequest } from '../../ui/ConfirmDialog.js';
import { ErrorBanner, useErrorText } from '../../ui/ErrorBanner.js';
import { formatDay } from '../excel/exportModel.js';
import { profileNameOf } from '../excel/importModel.js';
import {
  a1,
  anchorOf,
  assignCell,
  assignColumn,
  assignRows,
  blockOf,
  columnIndex,
  columnWidths,
  defaultSheet,
  emptyLayout,
  FORM_LISTS,
  gridRows,
  jumpCursor,
  layoutProblem,
  marksOf,
  mergeIndex,
  moveCursor,
  normalized,
  removeAt,
  removeBlock,
  removeCell,
  removeColumn,
  sameLayout,
  sheetExtent,
  targetOf,
  textIndex,
  type Mark,
  type Pos,
  type Tool,
} from './formModel.js';
import { SheetGrid } from './SheetGrid.js';

/** The blank forms the editor reads: Excel workbooks (a form is never a CSV). */
const FORM_TYPES = '.xlsx,.xlsm';

export interface FormEditorProps {
  /** Edit this form profile; without it, a new form starts from a file. */
  profileId?: number;
  /** The first step also lists the saved forms, to edit one (from the minutes page). */
  offerExisting?: boolean;
  onClose(): void;
  onSaved(profile: ProfileSummary): void;
}

type Step = 'file' | 'mapping';
const STEPS: Step[] = ['file', 'mapping'];

export function FormEditor({ profileId, offerExisting, onClose, onSaved }: FormEditorProps) {
  const { t } = useTranslation();
  const anyErrorText = useErrorText();
  const ref = useRef<HTMLDialogElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const chooseButton = useRef<HTMLButtonElement>(null);
  const [step, setStep] = useState<Step>('file');
  const [editing, setEditing] = useState<{ id: number; name: string } | null>(null);
  const [source, setSource] = useState<{ fileName: string; base64: string | null } | null>(null);
  const [preview, setPreview] = useState<SheetPreview | null>(null);
  const [layout, setLayout] = useState<FormLayout>(emptyLayout(''));
  const initial = useRef<FormLayout>(emptyLayout(''));
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
  /** The latest state, for the pointer's release (which may come outside the sheet). */
  const latest = useRef({ layout, cursor, anchor, tool });
  latest.current = { layout, cursor, anchor, tool };
  const dragging = useRef(false);

  const errorText = useCallback(
    (err: unknown) => {
      const detail = err instanceof ApiError && Array.isArray(err.details) ? (err.details[0] as { field?: string; message?: string } | undefined) : undefined;
      if (detail?.field === 'dataBase64' && detail.message) return t('excel.unreadable', { message: detail.message });
      const cell = detail?.field && /^form\.cells\.(\d+)\.ref$/.exec(detail.field);
      if (cell && detail?.message) {
        const c = latest.current.layout.cells[Number(cell[1])];
        if (c) return t('minutesForm.problem.cell', { field: `${t(`minutesForm.field.${c.field}`)} (${c.ref})`, message: detail.message });
      }
      return anyErrorText(err);
    },
    [t, anyErrorText],
  );

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  // ---------------------------------------------------------------- labels
  const fieldLabel = useCallback((f: string) => t(`minutesForm.field.${f}`, { defaultValue: f }), [t]);
  const listLabel = useCallback((l: string) => t(`minutesForm.list.${l}`, { defaultValue: l }), [t]);
  const columnLabel = useCallback((l: string, f: string) => t(`minutesForm.column.${l}.${f}`, { defaultValue: f }), [t]);
  /** A mark's label on the sheet: the item, or a table's column (its table shows by its colour). */
  const labelOf = useCallback((m: Mark) => (m.kind === 'cell' ? fieldLabel(m.key) : columnLabel(m.key, m.field ?? '')), [fieldLabel, columnLabel]);
  /** The same, in full, for the cell's accessible name. */
  const fullLabelOf = useCallback(
    (m: Mark) => (m.kind === 'cell' ? fieldLabel(m.key) : `${listLabel(m.key)}: ${columnLabel(m.key, m.field ?? '')}`),
    [fieldLabel, listLabel, columnLabel],
  );

  // ---------------------------------------------------------------- opening
  const openProfile = useCallback(
    async (id: number) => {
      setBusy('reading');
      setError(null);
      try {
        const [p, sheets] = await Promise.all([call('profile.get', { id }), call('excel.sheetPreview', { profileId: id })]);
        if (p.kind !== 'form') throw new ApiError('VALIDATION', `${p.name} is not a minutes form`);
        setEditing({ id: p.id, name: p.name });
        setName(p.name);
        setSource({ fileName: p.fileName, base64: null });
        setPreview(sheets);
        setLayout(p.form);
        initial.current = p.form;
        const first = p.form.cells.map((c) => targetOf(c.ref, p.form.sheet, sheets.names)).find((x) => x !== null);
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
    if (!offerExisting || profileId !== undefined) return;
    call('profile.list', { register: 'minutes' })
      .then((list) => setExisting(list.filter((p) => p.kind === 'form')))
      .catch(() => setExisting([]));
  }, [offerExisting, profileId]);

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
      const sheet = defaultSheet(sheets);
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

  const change = (next: FormLayout | null) => {
    if (!next) return;
    setLayout(next);
    setProblem(null);
  };

  /** The chosen table covers rows a..b (either order). */
  const setRows = (list: MinutesFormList, a: number, b: number) => {
    const res = assignRows(latest.current.layout, list, a, b);
    if (!res.ok) return setProblem(t('minutesForm.problem.overlap', { list: listLabel(res.other) }));
    change(res.layout);
  };

  /** A click or Enter on a cell with an item or a table column chosen. */
  const pickCell = (p: Pos) => {
    if (!tool || tool.kind === 'rows') return;
    if (tool.kind === 'cell') return change(assignCell(layout, tool.field, a1(p.r, p.c), names));
    const b = blockOf(layout, tool.list);
    if (!b) return;
    if (p.r < b.firstRow || p.r > b.lastRow)
      return setProblem(t('minutesForm.problem.outside', { list: listLabel(tool.list), first: b.firstRow, last: b.lastRow }));
    change(assignColumn(layout, tool.list, tool.field, columnName(p.c)));
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
    setConfirm({ title: t('minutesForm.discardTitle'), message: t('minutesForm.discard'), confirmLabel: t('minutesForm.discardOk'), onConfirm: onClose });
  };

  const save = async () => {
    if (busy !== null || !source) return;
    const n = name.trim();
    if (n === '') return setError(t('minutesForm.problem.noName'));
    const bad = layoutProblem(layout);
    if (bad) return setError(bad.kind === 'empty' ? t('minutesForm.problem.empty') : t('minutesForm.problem.noColumns', { list: listLabel(bad.list) }));
    setBusy('saving');
    setError(null);
    try {
      const form = normalized(layout);
      let saved: ProfileSummary;
      if (editing) {
        saved = await call('profile.updateForm', { id: editing.id, form });
        if (n !== editing.name) saved = await call('profile.update', { id: editing.id, name: n.slice(0, 200) });
      } else saved = await call('profile.createForm', { name: n.slice(0, 200), fileName: source.fileName, dataBase64: source.base64 ?? '', form });
      onSaved(saved);
      onClose();
    } catch (err) {
      setError(errorText(err));
      setBusy(null);
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    void choose(e.dataTransfer.files[0]);
  };

  // ---------------------------------------------------------------- drawing
  const hint = (() => {
    if (!tool) return t('minutesForm.hint.none');
    if (tool.kind === 'cell') return t('minutesForm.hint.cell', { field: fieldLabel(tool.field) });
    if (tool.kind === 'rows') return t('minutesForm.hint.rows', { list: listLabel(tool.list) });
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
          ? `${t('minutesForm.counts', { cells: layout.cells.length, blocks: layout.blocks.length })}　${t('minutesForm.cursor', { cell: a1(cursor.r, cursor.c) })}`
          : '';

  const refText = (ref: string) => {
    const n = names.find((x) => x.name === ref);
    return n ? `${t('minutesForm.viaName', { name: ref })} (${n.sheet === layout.sheet ? n.ref : `${n.sheet}!${n.ref}`})` : ref;
  };

  return (
    <dialog
      ref={ref}
      className="import-dialog form-editor"
      aria-labelledby="form-editor-title"
      onClose={(e) => e.target === e.currentTarget && onClose()}
      onCancel={(e) => {
        if (e.target !== e.currentTarget) return;
        e.preventDefault();
        requestClose();
      }}
      data-testid="form-editor"
    >
      <header className="import-head">
        <h2 id="form-editor-title">
          {t('minutesForm.title')}
          {editing && <span className="fx-editing"> — {editing.name}</span>}
        </h2>
        <ol className="import-steps">
          {STEPS.map((s, i) => (
            <li key={s} className={s === step ? 'current' : STEPS.indexOf(step) > i ? 'done' : ''} aria-current={s === step ? 'step' : undefined}>
              <span className="n">{i + 1}</span>
              {t(`minutesForm.steps.${s}`)}
            </li>
          ))}
        </ol>
      </header>
      <ErrorBanner text={error} onClose={() => setError(null)} />
      <input
        ref={fileInput}
        type="file"
        accept={FORM_TYPES}
        className="visually-hidden"
        aria-label={t('minutesForm.choose')}
        data-testid="form-file-input"
        onChange={(e) => {
          const chosen = e.target.files?.[0];
          e.target.value = '';
          void choose(chosen);
        }}
      />
      {step === 'file' && (
        <div className="import-body">
          <div className="drop-zone" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
            <button ref={chooseButton} className="primary" onClick={() => fileInput.current?.click()} disabled={busy !== null}>
              {t('minutesForm.choose')}
            </button>
            <span className="muted">{t('minutesForm.dropHint')}</span>
            <p className="muted small">{t('minutesForm.chooseHint')}</p>
          </div>
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
                {MINUTES_FORM_FIELDS.map((f) => {
                  const mapped = layout.cells.find((c) => c.field === f);
                  const hintKey = `minutesForm.fieldHint.${f}`;
                  const fieldHint = t(hintKey, { defaultValue: '' });
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
              <h3>{t('minutesForm.blocks')}</h3>
              <ul className="fx-lists">
                {FORM_LISTS.map((list) => {
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
                          {MINUTES_FORM_LISTS[list].map((f) => {
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
            </nav>
            <div className="fx-main">
              <div className={`fx-hint${tool ? ' active' : ''}`} role="status" data-testid="form-hint">
                <span className="fx-hint-text">{problem ?? hint}</span>
                {tool?.kind === 'cell' && names.length > 0 && (
                  <select
                    aria-label={t('minutesForm.namePick')}
                    value=""
                    onChange={(e) => {
                      if (e.target.value) change(assignCell(layout, tool.field, e.target.value, names));
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
      <footer className="import-foot">
        <span className="import-status muted" role="status" data-testid="form-status">
          {status}
        </span>
        {step === 'mapping' && (
          <label className="fx-name">
            <span className="muted">{t('minutesForm.profileName')}</span>
            <input type="text" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} aria-label={t('minutesForm.profileName')} />
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
      </footer>
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </dialog>
  );
}
