// The Gantt beside the WBS grid: the grid's displayed rows (same order, filter, collapse), the grid's
// vertical scroll and its focused row. One canvas draws only what is in view. The grid is the only
// vertical scroller: the Gantt draws at the grid's scrollTop and hands its wheel to the grid, so a frame
// of scrolling is the grid's own work plus one canvas draw (two scrollers kept level made every frame
// twice the work, and read layout the grid had just changed). A spacer gives the Gantt's own horizontal
// scrollbar its width. Drags are single API calls, so each is one undo step.
import { useCallback, useContext, useEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { AgGridReact } from 'ag-grid-react';
import type { WbsTask, WbsUpdateResult } from '../../../../electron/common/dto.js';
import type { Dependency, ScheduledTask } from '../../../../electron/common/api/schedule.js';
import { dayOf, isoOf, workCalendar, type WorkCalendar } from '../../../../electron/common/schedule/calendar.js';
import { formatDate, localToday } from '../../../../electron/common/dates.js';
import { mutate, read, useQuery, type MutateOptions } from '../../api/useApi.js';
import { axisFor, ganttLabels, headerRows, widthOf, ZOOMS, type Zoom } from './timeline.js';
import { barX, draw, rowAt, type GanttRow, type Scene, type View } from './draw.js';
import { DensityContext, ROW_HEIGHTS } from '../../grid/density.js';
import { PAPERS, printNow, printPages, savePdf, type Paper, type PrintPage } from './print.js';
import { styleNonce } from '../../ui/styleNonce.js';
import { drawOverlay, type GanttOverlay } from '../progress/ganttOverlay.js';
import { chooseWareki, warekiChosen } from './wareki.js';

export interface GanttPaneProps {
  projectId: number;
  tasks: WbsTask[];
  grid: RefObject<AgGridReact<WbsTask> | null>;
  /** Runs a change with the page's error handling. */
  run(work: () => Promise<unknown>): Promise<void>;
  /** An edit's answer, merged into the page's rows. */
  onUpdated(result: WbsUpdateResult): void;
  /** The page's rows, patched from an edit's answer (onUpdated) rather than read again. */
  patched: MutateOptions['patches'];
  /** Baseline bars and the progress line (issue 14). */
  overlay?: GanttOverlay;
  /** The project's status date (基準日) as in effect: the one set, or by default the last working day before today. */
  statusDate: string | null;
  /** Whether `tasks` is the whole plan, not yet only its first rows (wbsLoad.ts). */
  complete: boolean;
  /**
   * Where the Gantt's zoom, 和暦 and print controls go: the page's schedule bar. Floated over the canvas
   * they hid the month labels of the date header under them.
   */
  toolsHost: HTMLElement | null;
}

type Drag =
  | { kind: 'move' | 'resize'; row: number; x0: number; start: number; finish: number; delta: number }
  | { kind: 'link'; row: number; x0: number; y0: number; x1: number; y1: number };

/** The WBS grid's element: its viewport is the one vertical scroller the Gantt follows. */
const gridHost = () => document.querySelector<HTMLElement>('[data-testid="wbs-grid"]');

const FONT = "12px Meiryo, 'Yu Gothic UI', 'Noto Sans CJK JP', 'Noto Sans JP', sans-serif";

/** Whether this machine's user shows the Gantt in 和暦 (wareki.ts). */
function useWareki(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(warekiChosen);
  return [on, (v) => {
    chooseWareki(v);
    setOn(v);
  }];
}

const NO_LINKS: Dependency[] = [];
const NO_SCHEDULE = new Map<number, ScheduledTask>();

export function GanttPane({ projectId, tasks, grid, run, onUpdated, patched, overlay, statusDate, complete, toolsHost }: GanttPaneProps) {
  const { t, i18n } = useTranslation();
  const [wareki, setWareki] = useWareki();
  // 和暦 is a Japanese way of dating: offered in the Japanese UI only.
  const eras = wareki && i18n.language === 'ja';
  const labels = useMemo(() => ganttLabels(t, eras), [t, eras]);
  const scroller = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const tip = useRef<HTMLDivElement>(null);
  const [zoom, setZoom] = useState<Zoom>('day');
  const [shown, setShown] = useState<WbsTask[]>([]);
  // Where each displayed row starts in the grid (and its total height last): rows of wrapped text are taller.
  const [tops, setTops] = useState<number[]>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const drag = useRef<Drag | null>(null);
  const [printing, setPrinting] = useState<{ paper: Paper; pages: PrintPage[] } | null>(null);
  const frame = useRef(0);
  // Size and scroll position as of the last resize or scroll event: drawing reads no layout.
  const geo = useRef({ width: 0, height: 0, left: 0, top: 0 });
  // The grid's row and header heights (its density): a bar level with its task's row.
  const { row: rowH, header: headerH } = ROW_HEIGHTS[useContext(DensityContext)];

  // The grid's displayed rows, whenever its model changes (data, collapse, sort, filter).
  useEffect(() => {
    let api = grid.current?.api;
    let timer: ReturnType<typeof setInterval> | undefined;
    const read = () => {
      if (!api) return;
      const out: WbsTask[] = [];
      const at: number[] = [];
      const n = api.getDisplayedRowCount();
      let bottom = 0;
      for (let i = 0; i < n; i++) {
        const node = api.getDisplayedRowAtIndex(i);
        if (!node?.data) continue;
        out.push(node.data);
        const top = node.rowTop ?? bottom;
        at.push(top);
        bottom = top + (node.rowHeight ?? 0);
      }
      at.push(bottom);
      setShown(out);
      // A new array only when a row moved: a repaint per model update would cost the scroll.
      setTops((was) => (was.length === at.length && was.every((y, i) => y === at[i]) ? was : at));
    };
    const onFocus = (e: { rowIndex: number | null }) => setSelected(e.rowIndex === null ? null : (api?.getDisplayedRowAtIndex(e.rowIndex)?.data?.id ?? null));
    const attach = () => {
      api = grid.current?.api;
      if (!api) return false;
      api.addEventListener('modelUpdated', read);
      api.addEventListener('cellFocused', onFocus);
      read();
      return true;
    };
    // The grid's api exists once it is ready, a moment after this pane mounts.
    if (!attach()) timer = setInterval(() => attach() && clearInterval(timer), 50);
    return () => {
      clearInterval(timer);
      if (api && !api.isDestroyed()) {
        api.removeEventListener('modelUpdated', read);
        api.removeEventListener('cellFocused', onFocus);
      }
    };
  }, [grid]);

  // Links and the computed schedule follow every change of the tasks (patched in by the page, so a
  // dependency of this query) and any write of the links or the calendar. While only the first rows
  // are in, their bars are drawn without: both answers are of the whole project (at 10,000 tasks
  // ~2.6 MB of JSON), read then they came in before the whole plan and were read again with it.
  const scheduled = useQuery(
    ['wbs_dependency', 'project_calendar'],
    async () => {
      if (!complete) return undefined;
      const [links, s] = await Promise.all([read('dependency.list', { projectId }), read('schedule.compute', { projectId })]);
      return { links, schedule: new Map(s.tasks.map((x) => [x.id, x])) };
    },
    [projectId, complete && tasks],
  ).data;
  const links = scheduled?.links ?? NO_LINKS;
  const schedule = scheduled?.schedule ?? NO_SCHEDULE;

  // The working days of the years the plan spans: read again when the calendar is written, or when
  // tasks move to other years.
  const years = tasks.length > 0 ? `${tasks[0]!.plannedStart}|${tasks.at(-1)!.plannedFinish}` : '';
  const cal = useQuery(
    ['project_calendar'],
    async () => {
      const year = Number(localToday().slice(0, 4));
      const ys = tasks.flatMap((x) => [x.plannedStart, x.plannedFinish]).filter((d): d is string => !!d).map((d) => Number(d.slice(0, 4)));
      const fromYear = Math.max(1970, Math.min(year, ...ys) - 1);
      const toYear = Math.min(2099, Math.max(year, ...ys) + 1);
      const c = await read('calendar.get', { projectId, fromYear, toYear });
      return workCalendar(c, Object.fromEntries(c.holidays.map((h) => [h.date, h.name])));
    },
    [projectId, years],
  ).data;

  const today = dayOf(localToday());
  const rows = useMemo<GanttRow[]>(
    () =>
      shown.map((x) => {
        const s = schedule.get(x.id);
        const start = x.plannedStart ?? x.plannedFinish;
        const finish = x.plannedFinish ?? x.plannedStart;
        return {
          id: x.id,
          summary: x.summary,
          milestone: x.milestone,
          start: start ? dayOf(start) : null,
          finish: finish ? dayOf(finish) : null,
          progress: x.progress,
          critical: !!s?.critical && !x.summary,
          violated: !!s?.linkViolated,
          lateFinish: s?.lateFinish ? dayOf(s.lateFinish) : null,
        };
      }),
    [shown, schedule],
  );
  const [first, last] = useMemo(() => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const r of rows) {
      if (r.start !== null && r.start < lo) lo = r.start;
      if (r.finish !== null && r.finish > hi) hi = r.finish;
    }
    return lo === Infinity ? [today, today] : [Math.min(lo, today), Math.max(hi, today)];
  }, [rows, today]);
  // The axis and its date header change only when the span or the zoom does: not on every edit or
  // selection (a long plan's day header has tens of thousands of segments).
  const axis = useMemo(() => axisFor(zoom, first, last), [zoom, first, last]);
  const header = useMemo(() => headerRows(axis, labels), [axis, labels]);

  const scene = useMemo<Scene>(
    () => ({
      rows,
      rowH,
      headerH,
      // The grid's layout once it matches the rows shown (a moment after they change).
      tops: tops.length === rows.length + 1 ? tops : undefined,
      index: new Map(rows.map((r, i) => [r.id, i])),
      links: links.map((l) => ({ from: l.predecessorId, to: l.successorId, type: l.type })),
      axis,
      cal: cal ?? null,
      today,
      statusDate: statusDate === null ? null : dayOf(statusDate),
      selected,
      header,
      font: FONT,
      overlay: overlay && ((ctx, s, v, first, last) => drawOverlay(ctx, s, v, overlay, first, last)),
    }),
    [rows, rowH, headerH, tops, links, axis, cal, today, statusDate, selected, header, overlay],
  );
  const sceneRef = useRef(scene);
  sceneRef.current = scene;

  const view = (): View => {
    const d = drag.current;
    const { width, height, left, top } = geo.current;
    return {
      width,
      height,
      left,
      top,
      ghost: d && d.kind !== 'link' ? { row: d.row, start: d.start + (d.kind === 'move' ? d.delta : 0), finish: d.finish + d.delta } : null,
      rubber: d && d.kind === 'link' ? { x0: d.x0, y0: d.y0, x1: d.x1, y1: d.y1 } : null,
    };
  };

  /** Draws at once: from a scroll event, where the layout is still clean and the frame is not yet drawn. */
  const paintNow = useCallback(() => {
    cancelAnimationFrame(frame.current);
    const c = canvas.current;
    const v = view();
    if (!c || v.width === 0) return;
    const dpr = window.devicePixelRatio || 1;
    if (c.width !== Math.round(v.width * dpr) || c.height !== Math.round(v.height * dpr)) {
      c.width = Math.round(v.width * dpr);
      c.height = Math.round(v.height * dpr);
      c.style.width = `${v.width}px`;
      c.style.height = `${v.height}px`;
    }
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    draw(ctx, sceneRef.current, v);
    // How many rows the drawing holds and from which scroll position: what a test or the bench waits for.
    c.dataset.rows = String(sceneRef.current.rows.length);
    c.dataset.top = String(v.top);
  }, []);
  /** Draws in the next frame (a change of rows, zoom or a drag: several may come in one frame). */
  const paint = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(paintNow);
  }, [paintNow]);

  useEffect(paint, [scene, paint]);
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => {
      geo.current.width = entry!.contentRect.width;
      geo.current.height = entry!.contentRect.height;
      paint();
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [paint]);

  // The grid's vertical scroll, caught on the way down to its viewport (a capturing listener runs before
  // the grid's own, which starts changing its rows): scrollTop is read while the layout is clean.
  useEffect(() => {
    let host: HTMLElement | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    const onGridScroll = (e: Event) => {
      const vp = e.target as HTMLElement;
      if (!vp.classList?.contains('ag-grid-viewport') || vp.scrollTop === geo.current.top) return;
      geo.current.top = vp.scrollTop;
      paintNow();
    };
    const attach = () => {
      host = gridHost();
      const vp = host?.querySelector<HTMLElement>('.ag-grid-viewport');
      if (!host || !vp) return false;
      host.addEventListener('scroll', onGridScroll, { capture: true, passive: true });
      geo.current.top = vp.scrollTop;
      paint();
      return true;
    };
    if (!attach()) timer = setInterval(() => attach() && clearInterval(timer), 50);
    return () => {
      clearInterval(timer);
      host?.removeEventListener('scroll', onGridScroll, { capture: true });
    };
  }, [paint, paintNow]);

  // A vertical wheel over the Gantt scrolls the grid (the Gantt follows it); a horizontal one, the Gantt.
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      if (e.shiftKey || Math.abs(e.deltaY) <= Math.abs(e.deltaX)) return;
      const vp = gridHost()?.querySelector<HTMLElement>('.ag-grid-viewport');
      if (!vp) return;
      e.preventDefault();
      const unit = e.deltaMode === WheelEvent.DOM_DELTA_LINE ? rowH : e.deltaMode === WheelEvent.DOM_DELTA_PAGE ? geo.current.height : 1;
      vp.scrollBy({ top: e.deltaY * unit });
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [rowH]);

  // Start at today when the project spans it, else at the project's first day.
  const placed = useRef(false);
  useEffect(() => {
    const el = scroller.current;
    if (!el || placed.current || rows.length === 0) return;
    placed.current = true;
    const first = Math.min(...rows.map((r) => r.start ?? Infinity));
    const last = Math.max(...rows.map((r) => r.finish ?? -Infinity));
    const at = today >= first && today <= last ? today - el.clientWidth / 3 / axis.px : first - 3;
    el.scrollLeft = Math.max(0, (at - axis.from) * axis.px);
  }, [rows, axis, today]);

  // The Gantt's own scroll is horizontal only.
  const onScroll = () => {
    const el = scroller.current;
    if (!el || el.scrollLeft === geo.current.left) return;
    geo.current.left = el.scrollLeft;
    paintNow();
  };

  /** What the pointer is on: a row, and which part of its bar. */
  const hit = (e: { clientX: number; clientY: number }) => {
    const el = scroller.current!;
    const box = el.getBoundingClientRect();
    const x = e.clientX - box.left;
    const y = e.clientY - box.top;
    const v = view();
    const s = sceneRef.current;
    if (y < s.headerH) return { x, y, row: -1, part: null as null | 'move' | 'resize' | 'link' };
    const row = rowAt(s, y - s.headerH + v.top);
    const r = s.rows[row];
    const xs = r && barX(s, v, r);
    let part: null | 'move' | 'resize' | 'link' = null;
    if (r && xs && !r.summary) {
      const [x0, x1] = xs;
      if (x >= x1 && x <= x1 + 10) part = 'link';
      else if (!r.milestone && x >= x1 - 5 && x < x1) part = 'resize';
      else if (x >= x0 - 2 && x < x1) part = 'move';
    }
    return { x, y, row: r ? row : -1, part };
  };

  const showTip = (row: number, x: number, y: number) => {
    const el = tip.current;
    const task = shown[row];
    if (!el) return;
    if (!task) return void (el.hidden = true);
    const s = schedule.get(task.id);
    const lines = [
      `${task.code} ${task.name}`,
      `${t('wbs.col.plannedStart')}: ${formatDate(task.plannedStart)}  ${t('wbs.col.plannedFinish')}: ${formatDate(task.plannedFinish)}`,
      s?.totalFloat != null ? `${t('gantt.float')}: ${t('gantt.days', { n: s.totalFloat })}${s.critical ? ` (${t('gantt.critical')})` : ''}` : '',
      s?.lateFinish ? `${t('gantt.lateFinish')}: ${formatDate(s.lateFinish)}` : '',
      s?.linkViolated ? t('gantt.violated') : '',
    ].filter(Boolean);
    el.textContent = lines.join('\n');
    el.hidden = false;
    el.style.left = `${x + 14}px`;
    el.style.top = `${y + 14}px`;
  };

  const onPointerDown = (e: ReactPointerEvent) => {
    if (e.button !== 0) return;
    const h = hit(e);
    if (h.row < 0) return;
    const api = grid.current?.api;
    if (api) {
      api.ensureIndexVisible(h.row);
      api.setFocusedCell(h.row, api.getFocusedCell()?.column ?? 'name');
    }
    const r = sceneRef.current.rows[h.row]!;
    if (!h.part || r.start === null || r.finish === null) return;
    (e.target as Element).setPointerCapture(e.pointerId);
    if (h.part === 'link') drag.current = { kind: 'link', row: h.row, x0: h.x, y0: h.y, x1: h.x, y1: h.y };
    else drag.current = { kind: h.part, row: h.row, x0: h.x, start: r.start, finish: r.finish, delta: 0 };
    paint();
  };

  const onPointerMove = (e: ReactPointerEvent) => {
    const h = hit(e);
    const d = drag.current;
    const el = canvas.current;
    if (d) {
      if (d.kind === 'link') Object.assign(d, { x1: h.x, y1: h.y });
      else {
        const a = sceneRef.current.axis;
        d.delta = Math.round((h.x - d.x0) / a.px);
        if (d.kind === 'resize' && d.finish + d.delta < d.start) d.delta = d.start - d.finish;
      }
      if (tip.current) tip.current.hidden = true;
      return paint();
    }
    if (el) el.style.cursor = h.part === 'resize' ? 'ew-resize' : h.part === 'move' ? 'grab' : h.part === 'link' ? 'crosshair' : 'default';
    if (h.row >= 0 && h.part) showTip(h.row, h.x, h.y);
    else if (tip.current) tip.current.hidden = true;
  };

  const onPointerUp = (e: ReactPointerEvent) => {
    const d = drag.current;
    drag.current = null;
    paint();
    if (!d) return;
    const s = sceneRef.current;
    const task = shown[d.row];
    if (!task) return;
    if (d.kind === 'link') {
      const h = hit(e);
      const to = s.rows[h.row];
      if (!to || h.row === d.row) return;
      // The link reschedules its successor: the page reads the plan again (a write of the links).
      void run(() => mutate('dependency.create', { projectId, predecessorId: task.id, successorId: to.id }));
      return;
    }
    if (d.delta === 0) return;
    const iso = (day: number) => isoOf(day);
    const patch =
      d.kind === 'move'
        ? { plannedStart: iso(d.start + d.delta), plannedFinish: iso(d.finish + d.delta) }
        : task.scheduling === 'auto' && s.cal
          ? { duration: Math.max(1, s.cal.workingDaysBetween(d.start, d.finish + d.delta)) }
          : { plannedFinish: iso(d.finish + d.delta) };
    void run(() => mutate('wbs.update', { id: task.id, patch }, { patches: patched, onAnswer: onUpdated }));
  };

  // On paper the time axis spans the tasks only (the screen's also reaches today).
  const preview = (paper: Paper) => {
    const s = sceneRef.current;
    const starts = s.rows.map((r) => r.start).filter((d): d is number => d !== null);
    const finishes = s.rows.map((r) => r.finish).filter((d): d is number => d !== null);
    const axisP = starts.length ? axisFor(zoom, Math.min(...starts), Math.max(...finishes)) : s.axis;
    const paged = { ...s, axis: axisP, header: headerRows(axisP, labels) };
    setPrinting({ paper, pages: printPages(paged, shown, paper, (f) => t(`wbs.col.${f}`)) });
  };

  const tools = (
    <>
      {ZOOMS.map((z) => (
        <button key={z} aria-pressed={z === zoom} onClick={() => setZoom(z)} data-testid={`gantt-zoom-${z}`}>
          {t(`gantt.zoom.${z}`)}
        </button>
      ))}
      {i18n.language === 'ja' && (
        <label className="gantt-wareki">
          <input type="checkbox" checked={wareki} onChange={(e) => setWareki(e.target.checked)} data-testid="gantt-wareki" />
          {t('gantt.wareki')}
        </label>
      )}
      <button onClick={() => preview('A3')} data-testid="gantt-print">
        {t('gantt.print')}
      </button>
    </>
  );

  return (
    <div className="gantt-pane" data-testid="gantt">
      {toolsHost && createPortal(tools, toolsHost)}
      <div className="gantt-scroll" ref={scroller} onScroll={onScroll}>
        <canvas
          ref={canvas}
          className="gantt-canvas"
          data-testid="gantt-canvas"
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerLeave={() => tip.current && (tip.current.hidden = true)}
        />
        <div className="gantt-spacer" style={{ width: widthOf(axis) }} />
      </div>
      <div className="gantt-tip" ref={tip} hidden role="tooltip" />
      {printing && (
        <dialog open className="gantt-print-preview" data-testid="gantt-print-preview" aria-label={t('gantt.print')}>
          <div className="toolbar">
            <label>
              {t('gantt.paper')}{' '}
              <select value={printing.paper} onChange={(e) => preview(e.target.value as Paper)}>
                {PAPERS.map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </select>
            </label>
            <span className="muted">{t('gantt.pages', { count: printing.pages.length })}</span>
            <span className="spacer" />
            <button className="primary" onClick={() => printNow(printing.pages, printing.paper, styleNonce)}>
              {t('gantt.print')}
            </button>
            {window.pmo?.printToPdf && (
              // In Electron the pages go straight to a PDF file: no printer or PDF driver needed.
              <button onClick={() => void run(async () => void (await savePdf(printing.pages, printing.paper, styleNonce, `${t('gantt.button')}_${localToday().replaceAll('-', '')}`)))}>
                {t('gantt.savePdf')}
              </button>
            )}
            <button onClick={() => setPrinting(null)}>{t('common.close')}</button>
          </div>
          <div className="gantt-pages">
            {printing.pages.map((p) => (
              <figure key={`${p.rowBand}-${p.daySlice}`}>
                <img src={p.url} alt={`${p.rowBand}-${p.daySlice}`} />
                <figcaption>
                  {p.rowBand}-{p.daySlice}
                </figcaption>
              </figure>
            ))}
          </div>
        </dialog>
      )}
    </div>
  );
}

