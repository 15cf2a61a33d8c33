// 選択肢 (value lists): per project, each list of the registers (status, priority, category, kind…)
// edited as a small table — code, 日本語, English, closed — with add, remove, reorder, and saved whole
// through vocab.set. A list that drops a code rows still use is refused; the page says which and how many.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../../../electron/common/dto.js';
import { ApiError } from '../../../../electron/common/errors.js';
import { DEFAULT_VOCABULARIES, VOCAB_LISTS, vocabLabel, type VocabListName, type Vocabularies } from '../../../../electron/common/registers.js';
import { REGISTER_LIST } from '../../../../electron/common/registers/index.js';
import { mutate, read, useQuery } from '../../api/useApi.js';
import { PageFrame, usePageFrame } from '../../ui/PageFrame.js';
import { blankItem, checkDraft, fillCodes, hasClosedFlag, move, sameItems, toDraft, toItems, type DraftItem } from './vocabDraft.js';

/** Each register's lists under its screen's name (from its descriptor), then the meetings'. */
const GROUPS: { view: string; lists: VocabListName[] }[] = [
  ...REGISTER_LIST.map((d) => ({ view: d.view, lists: Object.keys(d.lists) as VocabListName[] })),
  { view: 'minutes', lists: VOCAB_LISTS.filter((l) => l.startsWith('meeting.')) },
];

export function VocabPage({ project }: { project: Project }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const frame = usePageFrame();
  const { fail, setError } = frame;
  // The project's lists, read again after any write of them (a save here, an undo).
  const vocabQuery = useQuery<Vocabularies>(['vocabulary'], () => read('vocab.list', { projectId: project.id }), [project.id], fail);
  const vocab = vocabQuery.data ?? null;
  const [list, setList] = useState<VocabListName>('risk.category');
  const [draft, setDraft] = useState<DraftItem[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);

  const stored = vocab?.[list];
  useEffect(() => {
    if (stored) setDraft(toDraft(stored.items));
  }, [stored]);

  const dirty = !!stored && !sameItems(draft, stored.items);
  const listName = (l: VocabListName) => t(`vocabEditor.lists.${l}`);

  const choose = (l: VocabListName) => {
    const go = () => {
      setList(l);
      setProblems([]);
      setError(null);
      setSaved(false);
    };
    if (!dirty || l === list) return go();
    frame.ask({ title: t('vocabEditor.discardTitle'), message: t('vocabEditor.discard', { list: listName(list) }), confirmLabel: t('vocabEditor.discardOk'), onConfirm: go });
  };

  const edit = (index: number, patch: Partial<DraftItem>) => {
    setSaved(false);
    setDraft((d) => d.map((it, i) => (i === index ? { ...it, ...patch } : it)));
  };

  const fieldName = (f: 'code' | 'labelJa' | 'labelEn') => t(`vocabEditor.col.${f}`);

  const save = async () => {
    const items = fillCodes(draft);
    const found = checkDraft(items).map((p) =>
      p.problem === 'empty'
        ? t('vocabEditor.problem.empty', { n: p.index + 1, field: fieldName(p.field) })
        : t('vocabEditor.problem.duplicate', { n: p.index + 1, field: fieldName(p.field), other: (p.other ?? 0) + 1, value: items[p.index]![p.field] }),
    );
    if (items.length === 0) found.push(t('vocabEditor.problem.noItems'));
    setProblems(found);
    setSaved(false);
    if (found.length > 0) return;
    try {
      await mutate('vocab.set', { projectId: project.id, list, items: toItems(items) });
      setError(null);
      setSaved(true);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CONFLICT' && Array.isArray(err.details)) {
        const old = stored?.items ?? [];
        setProblems(
          (err.details as { code: string; count: number }[]).map((d) =>
            t('vocabEditor.problem.inUse', { label: vocabLabel(old, d.code, lang), code: d.code, count: d.count }),
          ),
        );
      } else fail(err);
    }
  };

  const closedFlag = hasClosedFlag(list);

  return (
    <PageFrame
      frame={frame}
      toolbar={
        <div className="toolbar">
          <h2 className="muted">{t('views.vocab')}</h2>
          <span className="muted">{t('vocabEditor.intro')}</span>
        </div>
      }
    >
      <div className="vocab-page">
        <nav className="vocab-lists" aria-label={t('views.vocab')}>
          {GROUPS.map((g) => (
            <div key={g.view} className="vocab-group">
              <div className="vocab-group-name">{t(`views.${g.view}`)}</div>
              {g.lists.map((l) => (
                <button key={l} className={l === list ? 'active' : ''} aria-current={l === list} onClick={() => choose(l)}>
                  {listName(l)}
                  {vocab?.[l].customized === false && <span className="badge">{t('vocabEditor.default')}</span>}
                </button>
              ))}
            </div>
          ))}
        </nav>
        {stored && (
          <section className="vocab-panel" data-testid="vocab-editor" aria-label={listName(list)}>
            <h3>
              {t(`views.${GROUPS.find((g) => g.lists.includes(list))!.view}`)} — {listName(list)}
            </h3>
            <table className="vocab-table">
              <thead>
                <tr>
                  <th>#</th>
                  <th>{t('vocabEditor.col.code')}</th>
                  <th>{t('vocabEditor.col.labelJa')}</th>
                  <th>{t('vocabEditor.col.labelEn')}</th>
                  {closedFlag && <th title={t('vocabEditor.closedHelp')}>{t('vocabEditor.col.closed')}</th>}
                  <th />
                </tr>
              </thead>
              <tbody>
                {draft.map((it, i) => (
                  <tr key={it.key} data-testid="vocab-item">
                    <td className="muted num">{i + 1}</td>
                    <td>
                      <input
                        type="text"
                        value={it.code}
                        readOnly={it.saved}
                        className={it.saved ? 'readonly' : ''}
                        placeholder={t('vocabEditor.autoCode')}
                        aria-label={`${t('vocabEditor.col.code')} ${i + 1}`}
                        title={it.saved ? t('vocabEditor.codeFixed') : undefined}
                        onChange={(e) => edit(i, { code: e.target.value })}
                      />
                    </td>
                    <td>
                      <input type="text" value={it.labelJa} aria-label={`${t('vocabEditor.col.labelJa')} ${i + 1}`} onChange={(e) => edit(i, { labelJa: e.target.value })} />
                    </td>
                    <td>
                      <input type="text" value={it.labelEn} aria-label={`${t('vocabEditor.col.labelEn')} ${i + 1}`} onChange={(e) => edit(i, { labelEn: e.target.value })} />
                    </td>
                    {closedFlag && (
                      <td className="center">
                        <input type="checkbox" checked={it.closed} aria-label={`${t('vocabEditor.col.closed')} ${i + 1}`} onChange={(e) => edit(i, { closed: e.target.checked })} />
                      </td>
                    )}
                    <td className="row-actions">
                      <button title={t('vocabEditor.up')} aria-label={`${t('vocabEditor.up')} ${i + 1}`} disabled={i === 0} onClick={() => setDraft((d) => move(d, i, -1))}>
                        ↑
                      </button>
                      <button
                        title={t('vocabEditor.down')}
                        aria-label={`${t('vocabEditor.down')} ${i + 1}`}
                        disabled={i === draft.length - 1}
                        onClick={() => setDraft((d) => move(d, i, 1))}
                      >
                        ↓
                      </button>
                      <button className="danger" aria-label={`${t('vocabEditor.remove')} ${i + 1}`} onClick={() => setDraft((d) => d.filter((_, j) => j !== i))}>
                        {t('vocabEditor.remove')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="toolbar">
              <button onClick={() => setDraft((d) => [...d, blankItem()])}>{t('vocabEditor.add')}</button>
              <button onClick={() => setDraft(toDraft(DEFAULT_VOCABULARIES[list], false).map((d) => ({ ...d, saved: stored.items.some((s) => s.code === d.code) })))}>
                {t('vocabEditor.defaults')}
              </button>
              <span className="spacer" />
              {saved && !dirty && (
                <span className="muted" role="status">
                  {t('vocabEditor.saved')}
                </span>
              )}
              <button disabled={!dirty} onClick={() => setDraft(toDraft(stored.items))}>
                {t('vocabEditor.revert')}
              </button>
              <button className="primary" disabled={!dirty} onClick={() => void save()}>
                {t('common.save')}
              </button>
            </div>
            {problems.length > 0 && (
              <div className="error-banner" role="alert" data-testid="vocab-problems">
                <div className="grow">
                  <strong>{t('vocabEditor.notSaved')}</strong>
                  <ul className="bad-cells">
                    {problems.map((p, i) => (
                      <li key={i}>{p}</li>
                    ))}
                  </ul>
                </div>
              </div>
            )}
          </section>
        )}
      </div>
    </PageFrame>
  );
}
