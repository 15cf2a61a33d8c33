// 取込/出力の設定: the client profiles (a template workbook and how its table maps to fields) that Excel取込
// saved, for every register, with the 議事録 forms, the cards (one register row into a client's form,
// a 不具合管理票) and the weekly report forms (進捗報告書) set up here by picking cells. They belong to the workspace, not to one project, so every
// project's tab lists them all. Rename inline (Enter saves, Esc cancels) and delete after a
// confirmation; a table profile's layout changes only through an import that updates it, a form's or a
// card's in its editor.
import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../../../electron/common/dto.js';
import type { CardRegister } from '../../../../electron/common/excel/form.js';
import type { ProfileSummary } from '../../../../electron/common/excel/preview.js';
import { mutate, read, useQuery } from '../../api/useApi.js';
import { Notice, PageFrame, usePageFrame } from '../../ui/PageFrame.js';
import { FormEditor } from '../forms/FormEditor.js';
import { RegisterTemplateDialog } from './RegisterTemplateDialog.js';
import { formatDay, registerView, renamedTo, sortProfiles } from './exportModel.js';

type Action = 'edit' | 'rename' | 'delete';

// The page takes the project as every tab does; profiles are the workspace's.
export function ProfilesPage(_props: { project: Project }) {
  const { t } = useTranslation();
  const frame = usePageFrame();
  const { fail, setError, setNotice } = frame;
  // Every profile of the workspace, read again after any write of a profile (here, an import, an editor).
  const profilesQuery = useQuery(['profile'], async () => sortProfiles(await read('profile.list', {})), [], fail);
  const profiles = profilesQuery.data ?? null;
  const [editing, setEditing] = useState<{ id: number; name: string } | null>(null);
  /** 議事録フォームの設定, カードの設定 or 週次報告フォームの設定: a new one, or a form, card or report profile's cells edited. */
  const [formEditor, setFormEditor] = useState<{ id?: number; card?: CardRegister; report?: boolean } | null>(null);
  /** 様式を登録: a blank client template saved as a table profile. */
  const [registering, setRegistering] = useState(false);
  /** The row being edited, read by the handlers (Enter commits, and the box's blur must not commit again). */
  const editingRef = useRef<{ id: number; name: string } | null>(null);
  /** The list (the keyboard's place when no row is left to go to). */
  const panel = useRef<HTMLElement>(null);
  /** Where the keyboard goes once the list is drawn again: a row's button, or the list. */
  const focusNext = useRef<{ id: number; action: Action } | 'panel' | null>(null);

  const load = profilesQuery.reload;

  useLayoutEffect(() => {
    const next = focusNext.current;
    if (!next || editing) return;
    focusNext.current = null;
    if (next === 'panel') return panel.current?.focus();
    panel.current?.querySelector<HTMLButtonElement>(`tr[data-id="${next.id}"] button[data-action="${next.action}"]`)?.focus();
  }, [profiles, editing]);

  const registerName = (p: ProfileSummary) => (p.kind === 'report' ? t('reportForm.kind') : t(`views.${registerView(p.register)}`, { defaultValue: p.register }));

  const startRename = (p: ProfileSummary) => {
    setNotice(null);
    editingRef.current = { id: p.id, name: p.name };
    setEditing(editingRef.current);
  };

  /** Ends the inline edit, saving the name or not; from the keyboard, the keyboard goes back to the row. */
  const endRename = async (save: boolean, byKey: boolean) => {
    const e = editingRef.current;
    if (!e) return;
    editingRef.current = null;
    if (byKey) focusNext.current = { id: e.id, action: 'rename' };
    setEditing(null);
    const current = profiles?.find((p) => p.id === e.id);
    const name = save && current ? renamedTo(e.name, current.name) : null;
    if (name === null) return;
    try {
      const renamed = await mutate('profile.update', { id: e.id, name });
      setError(null);
      setNotice(t('profiles.renamed', { name: renamed.name }));
    } catch (err) {
      fail(err);
      await load();
    }
  };

  const askDelete = (p: ProfileSummary) => {
    setNotice(null);
    frame.ask({
      title: t('profiles.confirmDeleteTitle'),
      message: t('profiles.confirmDelete', { name: p.name, register: registerName(p), file: p.fileName }),
      confirmLabel: t('common.delete'),
      onConfirm: () =>
        void (async () => {
          const list = profiles ?? [];
          const at = list.findIndex((x) => x.id === p.id);
          // The keyboard goes on to the row that takes its place, else the one above, else the list.
          const neighbour = list[at + 1] ?? list[at - 1];
          // Set before the write, whose answer reads the list again.
          focusNext.current = neighbour ? { id: neighbour.id, action: 'delete' } : 'panel';
          try {
            await mutate('profile.delete', { id: p.id });
            setError(null);
            setNotice(t('profiles.deleted', { name: p.name }));
          } catch (err) {
            fail(err);
            await load();
          }
        })(),
    });
  };

  /** On a row's buttons: ↑/↓ to the same button of the row above or below, F2 renames, Delete deletes. */
  const onRowKey = (p: ProfileSummary, index: number) => (e: KeyboardEvent<HTMLTableRowElement>) => {
    const target = e.target as HTMLElement;
    if (target.tagName !== 'BUTTON') return;
    if (e.key === 'F2') {
      e.preventDefault();
      return startRename(p);
    }
    if (e.key === 'Delete') {
      e.preventDefault();
      return askDelete(p);
    }
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const other = profiles?.[index + (e.key === 'ArrowDown' ? 1 : -1)];
      if (!other) return;
      e.preventDefault();
      panel.current?.querySelector<HTMLButtonElement>(`tr[data-id="${other.id}"] button[data-action="${target.dataset.action}"]`)?.focus();
    }
  };

  return (
    <PageFrame
      frame={frame}
      toolbar={
        <div className="toolbar">
          <h2 className="muted">{t('views.profiles')}</h2>
          <span className="muted">{t('profiles.intro')}</span>
          <Notice frame={frame} />
          <span className="spacer" />
          <button onClick={() => setRegistering(true)} data-testid="register-template">
            {t('excel.template.open')}
          </button>
          <button onClick={() => setFormEditor({})} data-testid="add-form">
            {t('minutesForm.add')}
          </button>
          <button onClick={() => setFormEditor({ card: 'issue' })} data-testid="add-card">
            {t('cardForm.add')}
          </button>
          <button onClick={() => setFormEditor({ report: true })} data-testid="add-report-form">
            {t('reportForm.add')}
          </button>
          {profiles && profiles.length > 0 && (
            <span className="muted" data-testid="profile-count">
              {t('profiles.count', { count: profiles.length })}
            </span>
          )}
        </div>
      }
    >
      <section className="profiles-panel" aria-label={t('views.profiles')} ref={panel} tabIndex={-1}>
        {profiles?.length === 0 && <p className="muted profiles-empty">{t('profiles.empty')}</p>}
        {profiles && profiles.length > 0 && (
          <table className="profiles-table" data-testid="profiles">
            <thead>
              <tr>
                <th>{t('profiles.col.name')}</th>
                <th>{t('profiles.col.register')}</th>
                <th>{t('profiles.col.sheet')}</th>
                <th>{t('profiles.col.file')}</th>
                <th>{t('profiles.col.updated')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {profiles.map((p, i) => (
                <tr key={p.id} data-id={p.id} data-testid="profile-row" onKeyDown={onRowKey(p, i)}>
                  <td className="name">
                    {editing?.id === p.id ? (
                      <input
                        type="text"
                        autoFocus
                        onFocus={(e) => e.currentTarget.select()}
                        aria-label={t('profiles.renameOf', { name: p.name })}
                        title={t('profiles.renameHint')}
                        maxLength={200}
                        value={editing.name}
                        onChange={(e) => {
                          editingRef.current = { id: p.id, name: e.target.value };
                          setEditing(editingRef.current);
                        }}
                        onKeyDown={(e) => {
                          if (e.key === 'Enter' || e.key === 'Escape') {
                            e.preventDefault();
                            e.stopPropagation();
                            void endRename(e.key === 'Enter', true);
                          }
                        }}
                        onBlur={() => void endRename(true, false)}
                      />
                    ) : (
                      <span className="profile-name" onDoubleClick={() => startRename(p)}>
                        {p.name}
                      </span>
                    )}
                  </td>
                  <td>
                    <span className={`register-tag register-${p.register}`}>{registerName(p)}</span>
                    {p.kind === 'card' && <span className="profile-kind">{t('cardForm.kind')}</span>}
                  </td>
                  <td>{p.sheet}</td>
                  <td className="file">{p.fileName}</td>
                  <td className="num">{formatDay(p.updatedAt)}</td>
                  <td className="row-actions">
                    {p.kind !== 'table' && (
                      <button
                        data-action="edit"
                        onClick={() => setFormEditor({ id: p.id, card: p.kind === 'card' ? (p.register as CardRegister) : undefined })}
                        aria-label={t('minutesForm.editOf', { name: p.name })}
                      >
                        {t('minutesForm.edit')}
                      </button>
                    )}
                    <button data-action="rename" onClick={() => startRename(p)} title="F2" aria-label={`${t('common.rename')} ${p.name}`}>
                      {t('common.rename')}
                    </button>
                    <button data-action="delete" className="danger" onClick={() => askDelete(p)} title="Delete" aria-label={`${t('common.delete')} ${p.name}`}>
                      {t('common.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {profiles && profiles.length > 0 && <p className="profiles-keys muted">{t('profiles.keys')}</p>}
      </section>
      {registering && (
        <RegisterTemplateDialog
          onClose={() => setRegistering(false)}
          onSaved={(p) => {
            setNotice(t('excel.template.saved', { name: p.name }));
          }}
        />
      )}
      {formEditor && (
        <FormEditor
          profileId={formEditor.id}
          card={formEditor.card}
          report={formEditor.report}
          onClose={() => setFormEditor(null)}
          onSaved={(p) => {
            setError(null);
            setNotice(t(p.kind === 'card' ? 'cardForm.saved' : p.kind === 'report' ? 'reportForm.saved' : 'minutesForm.saved', { name: p.name }));
            focusNext.current = { id: p.id, action: formEditor.id === undefined ? 'rename' : 'edit' };
            // Read again (the editor's write did already) so the keyboard lands on the row saved.
            void load();
          }}
        />
      )}
    </PageFrame>
  );
}
