// Ctrl+K: search every project's registers, WBS and minutes (search.query), best hits first; ↑↓ choose,
// Enter opens the row in its project (selected and scrolled into view), Esc closes.
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../../electron/common/search.js';
import { read } from '../../api/useApi.js';
import { useErrorText } from '../../ui/ErrorBanner.js';
import { VIEW_OF_KIND } from './jump.js';

/** Typing pauses this long before a query goes out: one query per word, not per key. */
const DEBOUNCE_MS = 120;
const LIMIT = 30;

/** The snippet with its matches marked (React escapes the text itself). */
function Marked({ text, marks }: { text: string; marks: [number, number][] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [s, e] of marks) {
    if (s > at) parts.push(text.slice(at, s));
    parts.push(<mark key={s}>{text.slice(s, e)}</mark>);
    at = e;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

export function SearchDialog({ onClose, onOpen }: { onClose(): void; onOpen(hit: SearchHit): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const ref = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const asked = useRef(0);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  useEffect(() => {
    const query = text.trim();
    const n = ++asked.current;
    if (!query) {
      setHits(null);
      return;
    }
    const timer = setTimeout(() => {
      read('search.query', { text: query, limit: LIMIT }).then(
        (found) => {
          if (n !== asked.current) return; // a later query is on its way
          setHits(found);
          setActive(0);
          setError(null);
        },
        (err) => n === asked.current && setError(t('search.failed', { message: errorText(err) })),
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, t, errorText]);

  useEffect(() => {
    document.getElementById(`search-hit-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, hits]);

  // Closing is the shell's state, set here at once: a dialog's own close() fires its close event a task
  // later, and a Ctrl+K typed in between (input runs first in Chromium) found the shell still 'searching'
  // and opened nothing.
  const open = (hit: SearchHit | undefined) => {
    if (!hit) return;
    onClose();
    onOpen(hit);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.nativeEvent.isComposing) return; // Enter commits an IME word; it does not open a hit
    const count = hits?.length ?? 0;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (count) setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : count - 1)) % count);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      open(hits?.[active]);
    } else if (e.key === 'Escape') {
      // A search box's own Esc only clears its text; here Esc closes, as the key sheet says.
      e.preventDefault();
      onClose();
    }
  };

  return (
    <dialog ref={ref} className="search-dialog" aria-labelledby="search-title" onClose={onClose} data-testid="search-dialog">
      <h2 id="search-title">{t('search.title')}</h2>
      <input
        type="search"
        autoFocus
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        placeholder={t('search.placeholder')}
        aria-label={t('search.title')}
        role="combobox"
        aria-expanded={!!hits?.length}
        aria-controls="search-hits"
        aria-activedescendant={hits?.length ? `search-hit-${active}` : undefined}
        data-testid="search-input"
      />
      {error && (
        <p className="error-banner" role="alert">
          {error}
        </p>
      )}
      <ul id="search-hits" role="listbox" className="search-hits" data-testid="search-hits">
        {hits?.map((h, i) => (
          <li
            key={`${h.kind}:${h.id}`}
            id={`search-hit-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : ''}
            onMouseEnter={() => setActive(i)}
            onClick={() => open(h)}
            data-testid="search-hit"
          >
            <span className={`kind kind-${h.kind}`}>{t(`search.kinds.${h.kind}`, { defaultValue: t(`views.${VIEW_OF_KIND[h.kind]}`) })}</span>
            <span className="what">
              {h.ref && <span className="ref">{h.ref}</span>}
              <span className="title">{h.title || t('search.untitled')}</span>
              <span className="project muted">{h.projectName}</span>
            </span>
            {h.snippet && (
              <span className="snippet muted">
                <Marked text={h.snippet} marks={h.marks} />
              </span>
            )}
          </li>
        ))}
      </ul>
      {hits?.length === 0 && <p className="muted">{t('search.noHits', { text: text.trim() })}</p>}
      <p className="muted small">{t('search.hint')}</p>
    </dialog>
  );
}
