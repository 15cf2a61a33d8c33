// The header of the minutes: title, kind, series, date and time, place, people, purpose, materials,
// distribution and next meeting. Keyboard-first: Tab walks the fields in order; a field is saved when
// it is left, on Enter (one-line fields) or Ctrl+Enter (any field) — one meeting.update each; Esc
// puts back the stored value. Ctrl+Z / Ctrl+Y undo and redo the stored changes like the grids do,
// unless the field holds unsaved typing (then they are the text box's own).
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, parseDateInput } from '../../../../electron/common/dates.js';
import type { Meeting, MeetingFields } from '../../../../electron/common/meetings.js';
import { vocabLabel, type VocabItem } from '../../../../electron/common/registers.js';
import { parseTimeInput } from './minutesLogic.js';

type TextField = 'title' | 'series' | 'heldOn' | 'startsAt' | 'endsAt' | 'place' | 'facilitator' | 'recorder' | 'purpose' | 'materials' | 'distribution' | 'nextMeeting';

interface Props {
  meeting: Meeting;
  kinds: readonly VocabItem[];
  lang: 'ja' | 'en';
  /** Series already used in the project, offered while typing one. */
  seriesOptions: readonly string[];
  readOnly: boolean;
  onSave(patch: Partial<MeetingFields>): Promise<boolean>;
  onUndo(): void;
  onRedo(): void;
}

/** How a stored value is shown in its text box. */
function shown(meeting: Meeting, field: TextField): string {
  if (field === 'heldOn') return formatDate(meeting.heldOn);
  return meeting[field];
}

/** What was typed → the value to store, or null (with the reason's key) when it cannot be stored. */
function parse(field: TextField, text: string): { ok: true; value: unknown } | { ok: false; reason: 'date' | 'time' } {
  if (field === 'heldOn') {
    if (text.trim() === '') return { ok: true, value: null };
    const iso = parseDateInput(text);
    return iso ? { ok: true, value: iso } : { ok: false, reason: 'date' };
  }
  if (field === 'startsAt' || field === 'endsAt') {
    const time = parseTimeInput(text);
    return time === null ? { ok: false, reason: 'time' } : { ok: true, value: time };
  }
  return { ok: true, value: text };
}

export function MeetingForm({ meeting, kinds, lang, seriesOptions, readOnly, onSave, onUndo, onRedo }: Props) {
  const { t } = useTranslation();
  // Only fields with unsaved typing have a draft, so a stored change never overwrites what is being typed.
  const [drafts, setDrafts] = useState<Partial<Record<TextField, string>>>({});
  const [problems, setProblems] = useState<Partial<Record<TextField, string>>>({});
  // The kind and the online box show what was picked at once, while it is being saved.
  const [picked, setPicked] = useState<{ kind?: string; online?: boolean }>({});
  const [draftsOf, setDraftsOf] = useState(meeting.id);
  if (draftsOf !== meeting.id) {
    setDraftsOf(meeting.id);
    setDrafts({});
    setProblems({});
    setPicked({});
  }
  const pick = async (patch: { kind: string } | { online: boolean }) => {
    setPicked((p) => ({ ...p, ...patch }));
    await onSave(patch);
    setPicked((p) => {
      const rest = { ...p };
      for (const k of Object.keys(patch)) delete rest[k as keyof typeof rest];
      return rest;
    });
  };

  const value = (f: TextField) => drafts[f] ?? shown(meeting, f);
  const dirty = (f: TextField) => drafts[f] !== undefined && drafts[f] !== shown(meeting, f);
  const forget = (f: TextField) => {
    setDrafts(({ [f]: _, ...rest }) => rest);
    setProblems(({ [f]: _, ...rest }) => rest);
  };

  const commit = async (f: TextField) => {
    const text = drafts[f];
    if (text === undefined || readOnly) return;
    if (text === shown(meeting, f)) return forget(f);
    const parsed = parse(f, text);
    if (!parsed.ok) return setProblems((p) => ({ ...p, [f]: t(`minutes.invalid.${parsed.reason}`, { value: text }) }));
    const saved = await onSave({ [f]: parsed.value });
    // A refused value stays in the box (the page says why) so it can be fixed.
    if (saved) forget(f);
  };

  const onKeyDown = (f: TextField, multiline: boolean) => (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const ctrl = e.ctrlKey || e.metaKey;
    if (e.key === 'Enter' && (ctrl || (!multiline && !e.nativeEvent.isComposing))) {
      e.preventDefault();
      void commit(f);
    } else if (e.key === 'Escape' && drafts[f] !== undefined) {
      e.preventDefault();
      forget(f);
    } else if (ctrl && !dirty(f) && (e.key === 'z' || e.key === 'y' || e.key === 'Z')) {
      e.preventDefault();
      if (e.key === 'z' && !e.shiftKey) onUndo();
      else onRedo();
    }
  };

  const field = (f: TextField, opts: { multiline?: boolean; className?: string; placeholder?: string; list?: string } = {}): ReactNode => {
    const common = {
      id: `meeting-${f}`,
      value: value(f),
      readOnly,
      placeholder: opts.placeholder,
      'aria-invalid': problems[f] ? true : undefined,
      'aria-describedby': problems[f] ? `meeting-${f}-problem` : undefined,
      onChange: (e: { target: { value: string } }) => setDrafts((d) => ({ ...d, [f]: e.target.value })),
      onBlur: () => void commit(f),
      onKeyDown: onKeyDown(f, !!opts.multiline),
    };
    return (
      <div className={`form-field ${opts.className ?? ''}`}>
        <label htmlFor={`meeting-${f}`}>{t(`minutes.field.${f}`)}</label>
        {opts.multiline ? <textarea rows={2} {...common} /> : <input type="text" list={opts.list} {...common} />}
        {problems[f] && (
          <span className="error-text" id={`meeting-${f}-problem`} role="alert">
            {problems[f]}
          </span>
        )}
      </div>
    );
  };

  const kindKnown = kinds.some((k) => k.code === meeting.kind);

  return (
    <div className={`meeting-form${readOnly ? ' readonly' : ''}`} data-testid="meeting-form">
      {field('title', { className: 'span-6' })}
      <div className="form-field span-2">
        <label htmlFor="meeting-kind">{t('minutes.field.kind')}</label>
        <select
          id="meeting-kind"
          value={picked.kind ?? meeting.kind}
          disabled={readOnly}
          onChange={(e) => void pick({ kind: e.target.value })}
          onKeyDown={(e) => {
            if ((e.ctrlKey || e.metaKey) && (e.key === 'z' || e.key === 'y')) {
              e.preventDefault();
              if (e.key === 'z') onUndo();
              else onRedo();
            }
          }}
        >
          {!kindKnown && <option value={meeting.kind}>{meeting.kind === '' ? t('register.emptyChoice') : meeting.kind}</option>}
          {kinds.map((k) => (
            <option key={k.code} value={k.code}>
              {vocabLabel(kinds, k.code, lang)}
            </option>
          ))}
        </select>
      </div>
      {field('series', { className: 'span-4', list: 'meeting-series-options', placeholder: t('minutes.placeholder.series') })}
      <datalist id="meeting-series-options">
        {seriesOptions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      {field('heldOn', { className: 'span-2', placeholder: 'yyyy/mm/dd' })}
      {field('startsAt', { className: 'span-1', placeholder: 'hh:mm' })}
      {field('endsAt', { className: 'span-1', placeholder: 'hh:mm' })}
      {field('place', { className: 'span-6' })}
      <div className="form-field check span-2">
        <label>
          <input
            type="checkbox"
            checked={picked.online ?? meeting.online}
            disabled={readOnly}
            onChange={(e) => void pick({ online: e.target.checked })}
          />{' '}
          {t('minutes.field.online')}
        </label>
      </div>
      {field('facilitator', { className: 'span-3' })}
      {field('recorder', { className: 'span-3' })}
      {field('distribution', { multiline: true, className: 'span-6' })}
      {field('purpose', { multiline: true, className: 'span-6' })}
      {field('materials', { multiline: true, className: 'span-6' })}
      {field('nextMeeting', { className: 'span-12', placeholder: t('minutes.placeholder.nextMeeting') })}
    </div>
  );
}
