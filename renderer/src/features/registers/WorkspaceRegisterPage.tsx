// A register kept for the projects after the one it came from (教訓: descriptor.workspacePage), as a
// page of the workspace: every project's rows in one list (<register>.listAll), each with its source
// project, narrowed by words (all must be there, as in search) and by a tag; a row opens in its project's
// tab. A row is added to a project chosen here, and that addition is undone here too (each project keeps
// its own undo history: the step is the project's like any other edit).
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../../../electron/common/dto.js';
import { formatDate } from '../../../../electron/common/dates.js';
import { DESCRIPTORS, type RegisterName } from '../../../../electron/common/registers/index.js';
import { vocabLabel, type Vocabularies, type VocabListName } from '../../../../electron/common/registers.js';
import { searchTerms } from '../../../../electron/common/search.js';
import { mutate, read, useQuery } from '../../api/useApi.js';
import { PageFrame, usePageFrame } from '../../ui/PageFrame.js';
import { tagsOf } from './tags.js';

type Row = Record<string, unknown> & { id: number; projectId: number; projectName: string; ref: string };
type Door = (method: string, args: unknown) => Promise<unknown>;
// The register's verbs are named from its descriptor; the core validates every argument.
const readAny = read as unknown as Door;
const writeAny = mutate as unknown as Door;

export function WorkspaceRegisterPage({ register, onOpenRow }: { register: RegisterName; onOpenRow(projectId: number, id: number): void }) {
  const { t, i18n } = useTranslation();
  const frame = usePageFrame();
  const { fail, run } = frame;
  const d = DESCRIPTORS[register];
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const [words, setWords] = useState('');
  const [tag, setTag] = useState<string | null>(null);
  const [target, setTarget] = useState<number | null>(null);
  const [title, setTitle] = useState('');
  /** The project of the last row added here, whose undo the page offers. */
  const [added, setAdded] = useState<number | null>(null);

  // Every project's rows with their projects and value lists, read again after a write of any of them.
  const query = useQuery(
    [register, 'project', 'vocabulary'],
    async () => {
      const [all, list] = await Promise.all([readAny(`${register}.listAll`, {}) as Promise<Row[]>, read('project.list', {})]);
      const ids = [...new Set(all.map((r) => r.projectId))];
      const lists = await Promise.all(ids.map((id) => read('vocab.list', { projectId: id })));
      return { rows: all, projects: list, vocab: new Map<number, Vocabularies>(ids.map((id, i) => [id, lists[i]!])) };
    },
    [register],
    fail,
  );
  const rows = query.data?.rows ?? null;
  const projects = useMemo<Project[]>(() => query.data?.projects ?? [], [query.data]);
  const vocab = query.data?.vocab ?? new Map<number, Vocabularies>();
  // A row is added to the first project until another is chosen.
  useEffect(() => setTarget((cur) => cur ?? projects[0]?.id ?? null), [projects]);

  // The columns of the list: the descriptor's, its long texts (what happened, the recommendation) wrapped.
  const columns = useMemo(() => Object.entries(d.columns).map(([f, c]) => [f, c, 'long' in c && c.long === true] as const), [d]);

  const shown = (r: Row, field: string): string => {
    const v = r[field];
    const list = (d.vocab as Record<string, { list: VocabListName }>)[field]?.list;
    if (list && typeof v === 'string') return vocabLabel(vocab.get(r.projectId)?.[list]?.items ?? [], v, lang);
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(v);
    return v === null || v === undefined ? '' : String(v);
  };

  const allTags = useMemo(() => [...new Set((rows ?? []).flatMap((r) => tagsOf(String(r.tags ?? ''))))].sort((a, b) => a.localeCompare(b, 'ja')), [rows]);
  const terms = searchTerms(words).map((w) => w.toLowerCase());
  const visible = (rows ?? []).filter((r) => {
    if (tag && !tagsOf(String(r.tags ?? '')).includes(tag)) return false;
    if (terms.length === 0) return true;
    const text = [r.projectName, ...columns.map(([f]) => shown(r, f))].join('\n').toLowerCase();
    return terms.every((w) => text.includes(w));
  });

  const add = async () => {
    if (target === null || title.trim() === '') return;
    await run(async () => {
      await writeAny(`${register}.create`, { projectId: target, values: { [d.titleField]: title.trim() } });
      setAdded(target);
      setTitle('');
    });
  };

  const undo = async () => {
    if (added === null) return;
    await run(async () => {
      await mutate('history.undo', { projectId: added });
      setAdded(null);
    });
  };

  return (
    <section className="workspace-register" data-testid={`${register}-workspace`}>
      <h2>{t(`views.${d.view}`)}</h2>
      <p className="muted">{t('workspaceRegister.about')}</p>
      <PageFrame frame={frame}>
        <div className="toolbar">
          <input
            type="search"
            value={words}
            onChange={(e) => setWords(e.target.value)}
            placeholder={t('workspaceRegister.filter')}
            aria-label={t('workspaceRegister.filter')}
            data-testid="workspace-filter"
          />
          <span className="muted">{t('workspaceRegister.count', { count: visible.length, total: rows?.length ?? 0 })}</span>
          <span className="spacer" />
          <label>
            {t('workspaceRegister.project')}{' '}
            <select value={target ?? ''} onChange={(e) => setTarget(Number(e.target.value))} aria-label={t('workspaceRegister.project')} data-testid="workspace-project">
              {projects.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <input
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.nativeEvent.isComposing) void add();
            }}
            placeholder={d.columns[d.titleField as keyof typeof d.columns]?.[lang]}
            aria-label={t('workspaceRegister.newTitle')}
            data-testid="workspace-new-title"
          />
          <button onClick={() => void add()} disabled={target === null || title.trim() === ''}>
            {t('workspaceRegister.add')}
          </button>
          <button onClick={() => void undo()} disabled={added === null} title={t('workspaceRegister.undoHint')}>
            ↶ {t('history.undo')}
          </button>
        </div>
        {allTags.length > 0 && (
          <div className="tag-filter" role="group" aria-label={t('workspaceRegister.tags')}>
            {allTags.map((x) => (
              <button key={x} aria-pressed={tag === x} onClick={() => setTag(tag === x ? null : x)}>
                #{x}
              </button>
            ))}
          </div>
        )}
        <table className="history workspace-list" data-testid={`${register}-workspace-list`}>
          <thead>
            <tr>
              <th>{t('workspaceRegister.source')}</th>
              {columns.map(([f, c]) => (
                <th key={f}>{c[lang]}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {visible.map((r) => (
              <tr key={`${r.projectId}:${r.id}`} data-id={r.id}>
                <td>{r.projectName}</td>
                {columns.map(([f, , long]) => (
                  <td key={f} className={long ? 'long' : undefined}>
                    {f === 'ref' || f === d.titleField ? (
                      <a
                        href={`#project=${r.projectId}&view=${d.view}`}
                        onClick={(e) => {
                          e.preventDefault();
                          onOpenRow(r.projectId, r.id);
                        }}
                      >
                        {shown(r, f)}
                      </a>
                    ) : (
                      shown(r, f)
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {rows !== null && rows.length === 0 && <p className="muted">{t('workspaceRegister.empty')}</p>}
      </PageFrame>
    </section>
  );
}
