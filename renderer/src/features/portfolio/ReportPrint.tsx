// The weekly status report on paper (PDF): PMO Desk's A4 portrait layout as HTML — per project the
// light, the PMO's 所見, the figures with 先週差分, the S-curve (ECharts' SVG from core) and the week's
// tables — drawn into the print block #report-print. In Electron the window prints it to a PDF where
// the user chooses (printToPDF in main, no printer or PDF driver needed); in a browser (the web host)
// the print page (#print=report&ids=…&date=…) opens in its own tab and hands it to the browser's print
// dialog (保存先: PDF). Text is drawn with the machine's own fonts (the app's font stack).
import { createRoot } from 'react-dom/client';
import type { PrintedReport } from '../../../../electron/common/api/portfolio.js';
import { read } from '../../api/useApi.js';
import { styleNonce } from '../../ui/styleNonce.js';

export function ReportPages({ report }: { report: PrintedReport }) {
  const L = report.labels;
  return (
    <>
      {report.projects.map((p) => (
        <section key={p.projectId} className="report-page" data-testid="report-page">
          <h1>
            {report.title}　{p.name}
          </h1>
          <table className="report-head">
            <tbody>
              <tr>
                <th>{L.statusDate}</th>
                <td>{p.statusDate}</td>
                <th>{L.light}</th>
                <td className={`report-light light-${p.light}`}>{p.lightLabel}</td>
                <th>{L.basis}</th>
                <td>{p.baseline}</td>
              </tr>
              {p.manual && (
                <tr>
                  <th>{L.manual}</th>
                  <td colSpan={5}>{p.manual}</td>
                </tr>
              )}
              {p.note && (
                <tr>
                  <th>{L.note}</th>
                  <td colSpan={5}>{p.note}</td>
                </tr>
              )}
            </tbody>
          </table>
          <table className="report-figures">
            <thead>
              <tr>
                <th>{L.figure}</th>
                <th>{L.now}</th>
                <th>{L.diff}</th>
              </tr>
            </thead>
            <tbody>
              {p.figures.map(([label, value, diff]) => (
                <tr key={label}>
                  <td>{label}</td>
                  <td className="num">{value}</td>
                  <td className="num">{diff}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {p.curveSvg && (
            <figure className="report-curve">
              <figcaption>{L.curve}</figcaption>
              <img alt={L.curve} src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(p.curveSvg)}`} />
            </figure>
          )}
          {p.tables.map((t) => (
            <div key={t.title} className="report-table">
              <h2>{t.title}</h2>
              <table>
                <thead>
                  <tr>
                    {t.headers.map((h) => (
                      <th key={h}>{h}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {t.rows.length === 0 ? (
                    <tr>
                      <td colSpan={t.headers.length} className="muted">
                        {t.empty}
                      </td>
                    </tr>
                  ) : (
                    t.rows.map((r, i) => (
                      <tr key={i}>
                        {r.map((c, k) => (
                          <td key={k}>{c}</td>
                        ))}
                      </tr>
                    ))
                  )}
                </tbody>
              </table>
            </div>
          ))}
        </section>
      ))}
    </>
  );
}

/** The print block with the report in it and the A4 portrait @page rule; answers how to take them away. */
function mountReport(report: PrintedReport, onScreen: boolean): Promise<() => void> {
  const host = document.createElement('div');
  host.id = 'report-print';
  if (onScreen) host.className = 'on-screen';
  const style = document.createElement('style');
  if (styleNonce) style.nonce = styleNonce;
  style.textContent = '@page { size: A4 portrait; margin: 12mm; }';
  document.head.append(style);
  document.body.append(host);
  const root = createRoot(host);
  root.render(<ReportPages report={report} />);
  const unmount = () => {
    root.unmount();
    host.remove();
    style.remove();
  };
  // Drawn (and its SVG images decoded) before it is printed.
  return new Promise((resolve) =>
    requestAnimationFrame(() =>
      void Promise.all([...host.querySelectorAll('img')].map((img) => img.decode().catch(() => undefined))).then(() => {
        host.dataset.printReady = '1';
        resolve(unmount);
      }),
    ),
  );
}

/** The print page's address for a browser tab: the projects and status date of the report, printed at once. */
export function printPageUrl(projectIds: number[], statusDate: string): string {
  const params = new URLSearchParams({ print: 'report', ids: projectIds.join(',') });
  if (statusDate) params.set('date', statusDate);
  params.set('auto', '1');
  return `${location.pathname}${location.search}#${params}`;
}

/** The print page's report, when the address is one (#print=report&ids=1,2&date=yyyy-mm-dd). */
export function printRoute(hash: URLSearchParams): { projectIds: number[]; statusDate?: string; auto: boolean } | null {
  if (hash.get('print') !== 'report') return null;
  const projectIds = (hash.get('ids') ?? '').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
  const date = hash.get('date');
  return projectIds.length > 0 ? { projectIds, ...(date && /^\d{4}-\d{2}-\d{2}$/.test(date) && { statusDate: date }), auto: hash.get('auto') === '1' } : null;
}

/** The print page: the report drawn as it prints; with auto, handed to the browser's print dialog. */
export async function renderPrintPage(route: NonNullable<ReturnType<typeof printRoute>>, language: 'ja' | 'en'): Promise<void> {
  const report = await read('report.data', { projectIds: route.projectIds, ...(route.statusDate && { statusDate: route.statusDate }), language });
  document.title = report.title;
  // The page is the report alone (the app's root stays empty and out of the way).
  document.getElementById('root')?.setAttribute('hidden', '');
  await mountReport(report, true);
  if (route.auto) window.print();
}

/** In Electron: the report saved as a PDF (printToPDF in main, which asks where); false when cancelled. */
export async function saveReportPdf(report: PrintedReport, name: string): Promise<boolean> {
  const unmount = await mountReport(report, false);
  try {
    const r = await window.pmo!.printToPdf!('A4', name);
    if (r.error) throw new Error(r.error);
    return r.saved;
  } finally {
    unmount();
  }
}
