// 様式を登録: a client's blank template becomes a table profile, importing nothing. Choose the register
// and the workbook; the table is found as an import finds it (or the user points at its header row on
// the sheet), the columns are checked and corrected, and the profile is saved with the workbook as the
// template Excel出力 writes into. Opened from 取込/出力の設定 and from Excel出力.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateRegistration } from '../../../../electron/common/api/excel.js';
import { IMPORT_TARGETS, type ImportTarget } from '../../../../electron/common/excel/fields.js';
import type { MappingInput, ProfileSummary } from '../../../../electron/common/excel/preview.js';
import { mutate, read } from '../../api/useApi.js';
import { readFileBase64, WORKBOOK_TYPES } from '../../api/upload.js';
import { DialogFrame } from '../../ui/DialogFrame.js';
import { useErrorText } from '../../ui/ErrorBanner.js';
import { registerView } from './exportModel.js';
import { importFieldLabel } from './importModel.js';
import { TablePicker } from './TablePicker.js';

export function RegisterTemplateDialog(props: {
  /** The register chosen first (Excel出力 opens it for its own). */
  register?: ImportTarget;
  onClose(): void;
  onSaved(p: ProfileSummary): void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [register, setRegister] = useState<ImportTarget>(props.register ?? 'risk');
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [mapping, setMapping] = useState<MappingInput>({});
  const [found, setFound] = useState<TemplateRegistration | null>(null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const label = useMemo(() => importFieldLabel(t, register), [t, register]);

  const look = async (f: { name: string; base64: string }, m: MappingInput, reg: ImportTarget) => {
    setBusy(true);
    try {
      // A dry run: the table found and its columns, nothing saved.
      const r = await read('profile.registerTable', { register: reg, fileName: f.name, dataBase64: f.base64, mapping: m, dryRun: true });
      setFound(r);
      setMapping(m);
      setError(null);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const choose = async (chosen: File | undefined) => {
    if (!chosen) return;
    const f = { name: chosen.name, base64: await readFileBase64(chosen) };
    setFile(f);
    setName(chosen.name.replace(/\.(xlsx|xlsm|csv)$/i, ''));
    await look(f, {}, register);
  };

  const layout = found?.layout;
  const setField = (column: string, field: string | null) => {
    if (!file || !layout) return;
    const columns = layout.columns.map((c) => ({ column: c.column, field: c.column === column ? field : field !== null && c.field === field ? null : c.field }));
    void look(file, { sheet: layout.sheet, headerTop: layout.headerTop, headerBottom: layout.headerBottom, columns }, register);
  };

  const save = async () => {
    if (!file || !layout) return;
    setBusy(true);
    try {
      const columns = layout.columns.map((c) => ({ column: c.column, field: c.field }));
      const r = await mutate(
        'profile.registerTable',
        {
          register,
          fileName: file.name,
          dataBase64: file.base64,
          name: name.trim(),
          mapping: { ...mapping, sheet: layout.sheet, headerTop: layout.headerTop, headerBottom: layout.headerBottom, columns },
        },
        { touches: ['profile'] },
      );
      props.onSaved(r.profile!);
      props.onClose();
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  };

  return (
    <DialogFrame
      titleId="register-template-title"
      title={t('excel.template.title')}
      className="import-dialog"
      testId="register-template-dialog"
      error={error}
      onDismissError={() => setError(null)}
      onClose={props.onClose}
      statusTestId="register-template-status"
      status={busy ? t('excel.previewing') : layout ? t('excel.template.found', { sheet: layout.sheet, top: layout.headerTop, bottom: layout.headerBottom }) : t('excel.template.hint')}
      actions={
        <>
          <button onClick={props.onClose}>{t('common.cancel')}</button>
          <button className="primary" data-testid="register-template-save" disabled={busy || !layout || name.trim() === '' || !layout.columns.some((c) => c.field !== null)} onClick={() => void save()}>
            {t('excel.template.save')}
          </button>
        </>
      }
    >
      <div className="import-body">
        <dl className="import-facts">
          <dt>
            <label htmlFor="template-register">{t('excel.template.register')}</label>
          </dt>
          <dd>
            <select
              id="template-register"
              value={register}
              disabled={busy}
              onChange={(e) => {
                const reg = e.target.value as ImportTarget;
                setRegister(reg);
                if (file) void look(file, {}, reg);
              }}
            >
              {IMPORT_TARGETS.map((r) => (
                <option key={r} value={r}>
                  {t(`views.${registerView(r)}`, { defaultValue: r })}
                </option>
              ))}
            </select>
          </dd>
          <dt>{t('excel.file')}</dt>
          <dd>
            <input
              type="file"
              accept={WORKBOOK_TYPES}
              aria-label={t('excel.choose')}
              data-testid="register-template-file"
              disabled={busy}
              onChange={(e) => {
                const chosen = e.target.files?.[0];
                e.target.value = '';
                void choose(chosen);
              }}
            />
          </dd>
          {layout && (
            <>
              <dt>
                <label htmlFor="template-name">{t('excel.template.name')}</label>
              </dt>
              <dd>
                <input id="template-name" value={name} onChange={(e) => setName(e.target.value)} data-testid="register-template-name" />
              </dd>
            </>
          )}
        </dl>
        {found && found.problems.length > 0 && (
          <ul className="import-warnings">
            {found.problems.map((p, i) => (
              <li key={i}>{t('excel.problem.noTable')}</li>
            ))}
          </ul>
        )}
        {layout && (
          <table className="mapping-table" data-testid="register-template-columns">
            <thead>
              <tr>
                <th className="col-letter">{t('excel.col.column')}</th>
                <th>{t('excel.col.label')}</th>
                <th>{t('excel.col.field')}</th>
              </tr>
            </thead>
            <tbody>
              {layout.columns.map((c) => (
                <tr key={c.column} data-testid="mapping-row">
                  <td className="col-letter">{c.column}</td>
                  <td className="label">{c.label}</td>
                  <td>
                    <select aria-label={`${c.column} ${c.label}`} value={c.field ?? ''} disabled={busy} onChange={(e) => setField(c.column, e.target.value === '' ? null : e.target.value)}>
                      <option value="">{t('excel.keepExtra')}</option>
                      {found!.fields.map((f) => (
                        <option key={f} value={f}>
                          {label(f)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {file && layout && (
          <TablePicker
            file={file}
            sheet={layout.sheet}
            header={{ top: layout.headerTop, bottom: layout.headerBottom }}
            busy={busy}
            onPick={(p) =>
              void look(file, p.what === 'header' ? { sheet: p.sheet, headerTop: p.row, headerBottom: p.row, column: p.column } : { sheet: p.sheet, firstDataRow: p.row, column: p.column }, register)
            }
          />
        )}
      </div>
    </DialogFrame>
  );
}
