// 議事録: the project's meetings (search by text and dates) and the minutes of the one selected —
// form fields above, spreadsheet grids for attendees, agenda, decisions and action items below, the
// open actions of earlier meetings of the series for review. Every change is one undoable step;
// final (確定) minutes are read-only until reopened, except that their action items can be closed.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { localToday, parseDateInput } from '../../../../electron/common/dates.js';
import type { Project } from '../../../../electron/common/dto.js';
import { ApiError, textError } from '../../../../electron/common/errors.js';
import type { AgendaItem, Attendee, Decision, Meeting, MeetingFields, MeetingSummary } from '../../../../electron/common/meetings.js';
import { vocabLabel } from '../../../../electron/common/registers.js';
import { hashParams } from '../../api/client.js';
import { HISTORY, mutate, read, useQuery } from '../../api/useApi.js';
import type { BadCell } from '../../grid/cellPlan.js';
import { UndoRedoButtons } from '../../ui/UndoRedoButtons.js';
import { Notice, PageFrame, usePageFrame } from '../../ui/PageFrame.js';
import { useBadCellMessages } from '../../grid/reasons.js';
import { ExportDialog } from '../excel/ExportDialog.js';
import { ActionsSection } from './ActionsSection.js';
import { CarriedOver } from './CarriedOver.js';
import { FormEditor } from '../forms/FormEditor.js';
import { FormImportDialog } from './FormImportDialog.js';
import { ListSection } from './ListSection.js';
import { MeetingForm } from './MeetingForm.js';
import { agendaColumns, attendeeColumns, decisionColumns } from './minutesColumns.js';
import { agendaSpec, attendeeSpec, decisionSpec, meetingKinds, nextMeetingStart, nextMeetingTitle } from './minutesLogic.js';
import { useJumpTo } from '../search/jump.js';
import { MinutesList, type ListFilter } from './MinutesList.js';

/** The selected meeting lives in the URL (…&view=minutes&meeting=3), so a reload or a link comes back to it. */
function routeMeeting(): number | null {
  const id = Number(hashParams().get('meeting'));
  return Number.isInteger(id) && id > 0 ? id : null;
}

function setRouteMeeting(id: number | null) {
  const params = hashParams();
  if (id === null) params.delete('meeting');
  else params.set('meeting', String(id));
  // replaceState: no hashchange, so the app does not route again.
  history.replaceState(null, '', `#${params.toString()}`);
}

const NO_SERIES: string[] = [];

export function MinutesPage({ project }: { project: Project }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const frame = usePageFrame();
  const { setNotice } = frame;
  // The value lists change only on the 選択肢 tab, which remounts this page.
  const vocab = useQuery(['vocabulary'], () => read('vocab.list', { projectId: project.id }), [project.id], frame.fail).data ?? null;
  const withMessages = useBadCellMessages();
  const [filter, setFilter] = useState<ListFilter>({ query: '', from: '', to: '' });
  // The filter the list was asked with: the one typed, once typing pauses.
  const [asked, setAsked] = useState<ListFilter>(filter);
  const [selectedId, setSelectedId] = useState<number | null>(routeMeeting);
  const [meeting, setMeetingState] = useState<Meeting | null>(null);
  // The undo stack: read again by every write (useApi mutate).
  const history = useQuery([HISTORY], () => read('history.state', { projectId: project.id }), [project.id]).data ?? null;
  const [focusTitle, setFocusTitle] = useState(false);
  /** Excel出力, フォームから取込, or 議事録フォームの設定, on their own modal dialogs. */
  const [dialog, setDialog] = useState<'export' | 'import' | 'forms' | null>(null);
  /** The meeting as last stored: saves queue behind each other and each starts from the one before. */
  const current = useRef<Meeting | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const setMeeting = useCallback((m: Meeting | null) => {
    current.current = m;
    setMeetingState(m);
  }, []);

  const kinds = useMemo(() => meetingKinds(vocab), [vocab]);
  const badDates = {
    from: filter.from.trim() !== '' && parseDateInput(filter.from) === null,
    to: filter.to.trim() !== '' && parseDateInput(filter.to) === null,
  };

  const showError = frame.fail;
  /** The list as last read (a write's own follow-up picks from it after the write's refresh). */
  const listed = useRef<MeetingSummary[]>([]);
  // The list as the filter asks (bad dates are left out until they are dates), with the series of all
  // the project's meetings: read again after any write of a meeting or of its action items (issues).
  const listQuery = useQuery(
    ['meeting', 'issue'],
    async () => {
      const from = parseDateInput(asked.from) ?? undefined;
      const to = parseDateInput(asked.to) ?? undefined;
      const query = asked.query.trim() || undefined;
      const [found, all] = await Promise.all([
        read('meeting.list', { projectId: project.id, query, from, to }),
        query || from || to ? read('meeting.list', { projectId: project.id }) : null,
      ]);
      listed.current = found;
      return { found, series: [...new Set((all ?? found).map((m) => m.series).filter(Boolean))].sort() };
    },
    [project.id, asked],
    showError,
  );
  const meetings = listQuery.data?.found ?? null;
  const series = listQuery.data?.series ?? NO_SERIES;
  const { setBadCells } = frame;
  const showBad = useCallback((cells: BadCell[]) => setBadCells(cells.map((c) => (c.message ? c : withMessages([c])[0]!))), [withMessages, setBadCells]);
  const clearMessages = frame.clear;

  const loadMeeting = useCallback(
    async (id: number) => {
      try {
        const m = await read('meeting.get', { id });
        // A meeting named by a link of another project is not this project's.
        if (m.projectId !== project.id) throw textError('NOT_FOUND', 'meeting.gone', { id }, `Meeting ${id} does not exist in this project`);
        setMeeting(m);
      } catch (err) {
        if (err instanceof ApiError && err.code === 'NOT_FOUND') {
          setMeeting(null);
          setSelectedId(null);
          setRouteMeeting(null);
        } else throw err;
      }
    },
    [setMeeting, project.id],
  );

  // Once the first list is in: the routed meeting, or the newest one.
  const placed = useRef(false);
  useEffect(() => {
    if (placed.current || !meetings) return;
    placed.current = true;
    const routed = routeMeeting();
    const first = routed !== null && meetings.some((x) => x.id === routed) ? routed : (meetings[0]?.id ?? null);
    setSelectedId(first);
    setRouteMeeting(first);
  }, [meetings]);

  // The filter changed: search again after a short pause in typing.
  useEffect(() => {
    if (filter === asked) return;
    const timer = setTimeout(() => setAsked(filter), 250);
    return () => clearTimeout(timer);
  }, [filter, asked]);

  useEffect(() => {
    if (selectedId === null) return setMeeting(null);
    loadMeeting(selectedId).catch(showError);
  }, [selectedId, loadMeeting, showError, setMeeting]);

  useEffect(() => {
    if (!focusTitle || !meeting) return;
    setFocusTitle(false);
    document.getElementById('meeting-title')?.focus();
  }, [focusTitle, meeting]);

  const select = (id: number | null) => {
    setSelectedId(id);
    setRouteMeeting(id);
    clearMessages();
    setNotice(null);
  };

  // A search hit in these minutes (the page may already be showing another meeting).
  const jumpTo = useJumpTo('meeting');
  useEffect(() => {
    if (!jumpTo) return;
    select(jumpTo.id);
    jumpTo.done();
  }, [jumpTo?.seq]);

  /** Runs after every save queued before it, so each save starts from the meeting as stored. */
  const enqueue = useCallback(<R,>(task: () => Promise<R>): Promise<R> => {
    const next = queue.current.then(task, task);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);

  const saveFields = useCallback(
    (patch: Partial<MeetingFields>) =>
      enqueue(async () => {
        const m = current.current;
        if (!m) return false;
        try {
          // The list's counts and the undo state are read again by the write itself.
          setMeeting(await mutate('meeting.update', { id: m.id, patch }));
          clearMessages();
          return true;
        } catch (err) {
          showError(err);
          return false;
        }
      }),
    [enqueue, setMeeting, showError],
  );

  /** A list grid's change → the whole new list, saved with one meeting.update. */
  const changeList = useCallback(
    <K extends 'attendees' | 'agenda' | 'decisions'>(field: K) =>
      (change: (stored: readonly MeetingFields[K][number][]) => MeetingFields[K][number][] | null) =>
        void enqueue(async () => {
          const m = current.current;
          if (!m) return;
          const next = change(m[field] as MeetingFields[K][number][]);
          if (next === null) return;
          try {
            setMeeting(await mutate('meeting.update', { id: m.id, patch: { [field]: next } }));
            clearMessages();
          } catch (err) {
            showError(err);
          }
        }),
    [enqueue, setMeeting, showError],
  );
  const onAttendees = useMemo(() => changeList('attendees'), [changeList]);
  const onAgenda = useMemo(() => changeList('agenda'), [changeList]);
  const onDecisions = useMemo(() => changeList('decisions'), [changeList]);

  /** An action item changed (here, or closed in the carried-over list): the meeting is read again (the list, by the write). */
  const reloadMeeting = useCallback(async () => {
    const m = current.current;
    if (m) await loadMeeting(m.id);
    clearMessages();
  }, [loadMeeting, clearMessages]);

  const step = (which: 'undo' | 'redo') =>
    void enqueue(async () => {
      try {
        const r = await mutate(which === 'undo' ? 'history.undo' : 'history.redo', { projectId: project.id });
        setNotice(r.applied ? null : t(`register.nothingTo.${which}`));
        const id = current.current?.id ?? selectedId;
        // The meeting may be gone (its creation undone): NOT_FOUND clears it, and the newest is shown
        // (the list was read again by the step, by the entities it names).
        if (id !== null) await loadMeeting(id);
        if (current.current === null && listed.current[0]) select(listed.current[0].id);
        clearMessages();
      } catch (err) {
        showError(err);
      }
    });

  const run = (work: () => Promise<void>) =>
    void enqueue(async () => {
      try {
        await work();
        clearMessages();
      } catch (err) {
        showError(err);
      }
    });

  const create = () =>
    run(async () => {
      const m = await mutate('meeting.create', { projectId: project.id, values: { heldOn: localToday(), kind: kinds[0]?.code ?? '' } });
      setMeeting(m);
      select(m.id);
      setFocusTitle(true);
    });

  /** 次回の会議を作成: a copy of this meeting's header, attendees and agenda, dated as its "next meeting" line says. */
  const createNext = () =>
    run(async () => {
      const from = current.current;
      if (!from) return;
      const next = nextMeetingStart(from.nextMeeting, from.heldOn);
      const m = await mutate('meeting.create', {
        projectId: project.id,
        fromMeetingId: from.id,
        values: { title: nextMeetingTitle(from.title), heldOn: next.heldOn ?? localToday(), ...(next.startsAt ? { startsAt: next.startsAt } : {}), nextMeeting: '' },
      });
      setMeeting(m);
      select(m.id);
      setFocusTitle(true);
    });

  const remove = () => {
    const m = current.current;
    if (!m) return;
    frame.ask({
      title: t('minutes.confirmDeleteTitle'),
      message: t('minutes.confirmDelete', { title: m.title || t('minutes.untitled') }),
      confirmLabel: t('common.delete'),
      onConfirm: () =>
        run(async () => {
          await mutate('meeting.delete', { id: m.id });
          setMeeting(null);
          select(listed.current[0]?.id ?? null);
        }),
    });
  };

  const finalize = () =>
    run(async () => {
      const m = current.current;
      if (!m) return;
      setMeeting(await mutate('meeting.finalize', { id: m.id }));
    });

  const reopen = () => {
    const m = current.current;
    if (!m) return;
    frame.ask({
      title: t('minutes.confirmReopenTitle'),
      message: t('minutes.confirmReopen', { title: m.title || t('minutes.untitled') }),
      confirmLabel: t('minutes.reopen'),
      onConfirm: () =>
        run(async () => {
          setMeeting(await mutate('meeting.reopen', { id: m.id }));
        }),
    });
  };

  /** A meeting read from a filled-in form was created (one undo step): it opens, and the page says so. */
  const imported = (m: Meeting, file: string, actions: number) =>
    run(async () => {
      // The import's write touched the meetings: the list was read again by then.
      setMeeting(m);
      select(m.id);
      setNotice(t('minutesImport.imported', { file, title: m.title || t('minutes.untitled'), actions }));
    });

  /** Ctrl+Z / Ctrl+Y anywhere in the minutes (the grids and the form fields answer their own first). */
  const onEditorKey = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (!(e.ctrlKey || e.metaKey) || e.defaultPrevented || e.altKey) return;
    if (target.closest('input, textarea, select, .grid-host, [contenteditable]')) return;
    const key = e.key.toLowerCase();
    if (key === 'z' && !e.shiftKey) step('undo');
    else if (key === 'y' || (key === 'z' && e.shiftKey)) step('redo');
    else return;
    e.preventDefault();
  };

  const final = meeting?.final ?? false;
  const handlers = { onUndo: () => step('undo'), onRedo: () => step('redo'), onBad: showBad };
  const attendeeCols = useMemo(() => (vocab ? attendeeColumns({ t, lang, vocab, prefix: 'minutes.attendees' }) : []), [t, lang, vocab]);
  const agendaCols = useMemo(() => (vocab ? agendaColumns({ t, lang, vocab, prefix: 'minutes.agenda' }) : []), [t, lang, vocab]);
  const decisionCols = useMemo(() => (vocab ? decisionColumns({ t, lang, vocab, prefix: 'minutes.decisions' }) : []), [t, lang, vocab]);

  return (
    <div className="minutes-page">
      <MinutesList
        meetings={meetings}
        selectedId={selectedId}
        onSelect={select}
        filter={filter}
        onFilter={setFilter}
        badDates={badDates}
        kinds={kinds}
        lang={lang}
      />
      <div className="minutes-editor">
        <div className="toolbar">
          <h2 className="muted">{t('views.minutes')}</h2>
          <div className="group">
            <button className="primary" onClick={create}>
              {t('minutes.newMeeting')}
            </button>
            <button onClick={createNext} disabled={!meeting}>
              {t('minutes.nextMeeting')}
            </button>
            <button onClick={() => setDialog('import')} disabled={!vocab}>
              {t('minutesImport.button')}
            </button>
          </div>
          <div className="group">
            <UndoRedoButtons state={history} onStep={step} />
          </div>
          <div className="group">
            {final ? (
              <button onClick={reopen} disabled={!meeting}>
                {t('minutes.reopen')}
              </button>
            ) : (
              <button onClick={finalize} disabled={!meeting}>
                {t('minutes.finalize')}
              </button>
            )}
            <button onClick={() => setDialog('export')} disabled={!meeting}>
              {t('minutes.export')}
            </button>
            <button onClick={() => setDialog('forms')} title={t('minutesForm.title')}>
              {t('minutesForm.openShort')}
            </button>
          </div>
          <button className="danger" onClick={remove} disabled={!meeting || final} title={final ? t('minutes.finalNote') : undefined}>
            {t('minutes.delete')}
          </button>
          <Notice frame={frame} />
        </div>
        <PageFrame frame={frame}>
          {!meeting || !vocab ? (
            <p className="muted minutes-pick">{meetings && meetings.length > 0 ? t('minutes.pick') : t('minutes.start')}</p>
          ) : (
            <div className="minutes-scroll" data-testid="meeting-editor" onKeyDown={onEditorKey}>
              <div className="minutes-heading">
                <h2 data-testid="meeting-heading">{meeting.title || t('minutes.untitled')}</h2>
                <span className="kind-tag">{vocabLabel(kinds, meeting.kind, lang)}</span>
                {final ? (
                  <span className="final-badge" data-testid="final-badge">
                    {t('minutes.final')}
                  </span>
                ) : (
                  <span className="draft-badge">{t('minutes.draft')}</span>
                )}
              </div>
              {final && (
                <p className="final-note" role="note">
                  {t('minutes.finalNote')}
                </p>
              )}
              <MeetingForm
                meeting={meeting}
                kinds={kinds}
                lang={lang}
                seriesOptions={series}
                readOnly={final}
                onSave={saveFields}
                onUndo={handlers.onUndo}
                onRedo={handlers.onRedo}
              />
              <ListSection<Attendee, ReturnType<typeof attendeeSpec.toRow>>
                name="attendees"
                projectId={project.id}
                spec={attendeeSpec}
                items={meeting.attendees}
                columns={attendeeCols}
                firstField="name"
                readOnly={final}
                onChange={onAttendees}
                {...handlers}
              />
              <CarriedOver meeting={meeting} vocab={vocab} lang={lang} meetings={meetings ?? []} onChanged={reloadMeeting} onError={showError} />
              <ListSection<AgendaItem, ReturnType<typeof agendaSpec.toRow>>
                name="agenda"
                projectId={project.id}
                spec={agendaSpec}
                items={meeting.agenda}
                columns={agendaCols}
                firstField="title"
                readOnly={final}
                onChange={onAgenda}
                {...handlers}
              />
              <ListSection<Decision, ReturnType<typeof decisionSpec.toRow>>
                name="decisions"
                projectId={project.id}
                spec={decisionSpec}
                items={meeting.decisions}
                columns={decisionCols}
                firstField="text"
                readOnly={final}
                onChange={onDecisions}
                {...handlers}
              />
              <ActionsSection meeting={meeting} vocab={vocab} lang={lang} onChanged={reloadMeeting} onError={showError} {...handlers} />
            </div>
          )}
        </PageFrame>
      </div>
      {dialog === 'export' && meeting && (
        <ExportDialog
          projectId={project.id}
          register="minutes"
          meetingId={meeting.id}
          title={t('views.minutes')}
          onClose={() => setDialog(null)}
          onExported={(file) => setNotice(t('minutes.exported', { file }))}
        />
      )}
      {dialog === 'import' && vocab && (
        <FormImportDialog projectId={project.id} vocab={vocab} lang={lang} onClose={() => setDialog(null)} onImported={imported} />
      )}
      {dialog === 'forms' && (
        <FormEditor offerExisting onClose={() => setDialog(null)} onSaved={(p) => setNotice(t('minutesForm.saved', { name: p.name }))} />
      )}
    </div>
  );
}
