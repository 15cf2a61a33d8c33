// 週次報告: the weekly status report of the projects shown, in PMO Desk's own A4 layout, as one workbook
// (a summary sheet and a sheet per project) or as a workbook per project in a .zip (one download,
// in the browser and in the window alike); or into a client's own report form (a report profile), a
// file per project (a .zip for several). 様式を追加… maps a client's blank report form by clicking its cells
// (the form editor) and selects it. PDF: PMO Desk's layout on A4 pages (ReportPrint.tsx) — saved by the
// window in Electron, or opened in a tab for the browser's print dialog on the web host.
import { lazy, Suspense, useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileSummary } from '../../../../electron/common/excel/preview.js';
import { read } from '../../api/useApi.js';
import { saveFile } from '../../api/download.js';
import { ErrorBanner, useErrorText } from '../../ui/ErrorBanner.js';
import { printPageUrl, saveReportPdf } from './ReportPrint.js';

// The form editor (its sheet view is AG Grid) is loaded when a form is mapped, not with the home (pages.ts says why).
const FormEditor = lazy(() => import('../forms/FormEditor.js').then((m) => ({ default: m.FormEditor })));

export function ReportDialog({ projectIds, statusDate, onClose }: { projectIds: number[]; statusDate: string; onClose(): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const ref = useRef<HTMLDialogElement>(null);
  const [bundle, setBundle] = useState<'workbook' | 'files'>('workbook');
  const [format, setFormat] = useState<'xlsx' | 'pdf'>('xlsx');
  /** The window saves a PDF itself; a browser prints the report's own tab. */
  const inWindow = !!window.pmo?.printToPdf;
  const [forms, setForms] = useState<ProfileSummary[]>([]);
  /** '' for PMO Desk's own layout, else a report profile's id. */
  const [layout, setLayout] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** 様式を追加…: the form editor open over this dialog. */
  const [mapping, setMapping] = useState(false);

  const loadForms = useCallback(() => read('profile.list', {}).then((ps) => setForms(ps.filter((p) => p.kind === 'report')), (e) => setError(errorText(e))), [errorText]);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    void loadForms();
    // The chart rasterizer readied while the PMO chooses (the first export of a session would pay it).
    read('report.prepare', {}).catch(() => undefined);
  }, [loadForms]);

  const run = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      if (format === 'pdf' && !layout) {
        if (!inWindow) {
          window.open(printPageUrl(projectIds, statusDate), '_blank');
          ref.current?.close();
          return;
        }
        const report = await read('report.data', { projectIds, ...(statusDate && { statusDate }) });
        const name = `${report.title}_${report.projects.length === 1 ? report.projects[0]!.name : report.projects.length}_${(statusDate || report.projects[0]!.statusDate).replaceAll(/[-/]/g, '')}`;
        if (await saveReportPdf(report, name)) ref.current?.close();
        return;
      }
      // Several files into a folder the user picks, in the window; a zip (one download) in a browser.
      const toFolder = !!window.pmo?.saveToFolder && projectIds.length > 1 && (layout !== '' || bundle === 'files');
      const out = await read('report.export', {
        projectIds,
        ...(statusDate && { statusDate }),
        format: 'xlsx',
        ...(layout ? { profileId: Number(layout) } : { bundle }),
        ...(toFolder && { bundle: 'folder' as const }),
      });
      if (out.files) {
        const r = await window.pmo!.saveToFolder!(out.files);
        if (r.error) throw new Error(r.error);
        if (r.saved === 0) return;
      } else saveFile(out.fileName, out.dataBase64);
      ref.current?.close();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={ref} className="report-dialog" aria-labelledby="report-title" onClose={(e) => e.target === e.currentTarget && onClose()} data-testid="report-dialog">
      <form onSubmit={(e) => void run(e)}>
        <h2 id="report-title">{t('portfolio.reportTitle', { count: projectIds.length })}</h2>
        <p className="muted">{t('portfolio.reportHelp')}</p>
        <label className="report-layout">
          {t('portfolio.reportLayout')}{' '}
          <select value={layout} onChange={(e) => setLayout(e.target.value)} data-testid="report-layout">
            <option value="">{t('portfolio.ownLayout')}</option>
            {forms.map((p) => (
              <option key={p.id} value={String(p.id)}>
                {p.name}（{p.fileName}）
              </option>
            ))}
          </select>{' '}
          <button type="button" className="link" onClick={() => setMapping(true)} data-testid="report-add-form">
            {t('reportForm.addShort')}
          </button>
        </label>
        {layout && <p className="muted">{t('portfolio.formFiles')}</p>}
        <fieldset disabled={layout !== ''}>
          <legend>{t('portfolio.reportFormat')}</legend>
          <label>
            <input type="radio" name="format" checked={format === 'xlsx'} onChange={() => setFormat('xlsx')} data-testid="format-xlsx" />
            {t('portfolio.formatXlsx')}
          </label>
          <label>
            <input type="radio" name="format" checked={format === 'pdf'} onChange={() => setFormat('pdf')} data-testid="format-pdf" />
            {t('portfolio.formatPdf')}
          </label>
          {format === 'pdf' && !inWindow && <p className="muted">{t('portfolio.pdfInBrowser')}</p>}
        </fieldset>
        <fieldset disabled={layout !== '' || format === 'pdf'}>
          <legend>{t('portfolio.reportBundle')}</legend>
          <label>
            <input type="radio" name="bundle" checked={bundle === 'workbook'} onChange={() => setBundle('workbook')} data-testid="bundle-workbook" />
            {t('portfolio.bundleWorkbook')}
          </label>
          <label>
            <input type="radio" name="bundle" checked={bundle === 'files'} onChange={() => setBundle('files')} disabled={projectIds.length < 2} data-testid="bundle-files" />
            {t(window.pmo?.saveToFolder ? 'portfolio.bundleFolder' : 'portfolio.bundleFiles')}
          </label>
        </fieldset>
        <ErrorBanner text={error} onClose={() => setError(null)} />
        <div className="buttons">
          <span className="spacer" />
          <button type="button" onClick={() => ref.current?.close()}>
            {t('common.cancel')}
          </button>
          <button className="primary" type="submit" disabled={busy} data-testid="report-run">
            {t('portfolio.reportRun')}
          </button>
        </div>
      </form>
      {mapping && (
        <Suspense fallback={null}>
          <FormEditor
            report
            onClose={() => setMapping(false)}
            onSaved={(p) => {
              void loadForms().then(() => setLayout(String(p.id)));
            }}
          />
        </Suspense>
      )}
    </dialog>
  );
}
