// The weekly report written into the client's own report form (a report profile's template) through the
// lossless template writer: the picked cells, the rows of each block (growing when a list is longer than
// the form's rows), and the S-curve as a picture at its cell; nothing else of the client's workbook
// changes. One file per project: a form is one project's report.
import { formatDate } from '../../common/dates.js';
import type { ReportFormField } from '../../common/excel/report-form.js';
import { chartPngs } from '../charts/render.js';
import type { SqlDb as Db } from '../db/sql.js';
import { fillTemplateInWorker } from '../excel/capped-worker.js';
import type { CellWrite, ImageWrite } from '../excel/template/index.js';
import { dayOf, isoOf } from '../progress/work-days.js';
import { getReportProfile, profileTemplate, templateConflict } from './import/profiles.js';
import { blockWrite, out, readFormTemplate } from './meetings/form-export.js';
import type { FormValue } from './meetings/form-values.js';
import type { ListValue, ReportData, ReportProject } from './status-report.js';

const DEFAULT_CHART = { width: 640, height: 280 };

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** A list's value as a form cell holds it: progress as a fraction (the form's cell formats it as %). */
function listValue(field: string, v: ListValue): FormValue {
  if (v === null || v === '') return null;
  if (v instanceof Date) return { date: iso(v) };
  if (typeof v === 'number') return { number: field === 'progress' ? v / 100 : v };
  return { text: v };
}

function cellValue(field: ReportFormField, p: ReportProject, data: ReportData): FormValue {
  const r = p.row;
  const L = data.labels;
  const num = (v: number | null): FormValue => (v === null ? null : { number: v });
  const text = (s: string | null | undefined): FormValue => (s ? { text: s } : null);
  switch (field) {
    case 'projectName':
      return text(r.name);
    case 'projectCode':
      return text(r.code);
    case 'statusDate':
      return { date: r.statusDate };
    case 'week':
      return { text: `${formatDate(isoOf(dayOf(r.statusDate) - 6))}～${formatDate(r.statusDate)}` };
    case 'light':
      return { text: L.lights[r.light] };
    case 'lightReason':
      return text(r.override?.reason);
    case 'summary':
      return text(r.note);
    case 'baseline':
      return text(r.baselineName);
    case 'progress':
      return { number: r.figures.progress / 100 };
    case 'nextMilestone':
      return text(r.nextMilestone?.name);
    case 'nextMilestoneDate':
      return r.nextMilestone ? { date: r.nextMilestone.date } : null;
    default:
      return num(r.figures[field]);
  }
}

/** Each project's report in the profile's form: a file per project, named like PMO Desk's own. */
export async function reportFormFiles(db: Db, data: ReportData, profileId: number, fileName: (p: ReportProject, ext: string) => string): Promise<{ name: string; bytes: Uint8Array }[]> {
  const profile = getReportProfile(db, profileId);
  const template = profileTemplate(db, profile.id);
  const form = profile.report;
  const ext = /\.xlsm$/i.test(profile.fileName) ? 'xlsm' : 'xlsx';
  const files: { name: string; bytes: Uint8Array }[] = [];
  try {
    const tpl = await readFormTemplate(template, form, form.cells.map((c) => c.ref), profile.fileName);
    // Every picture of every project drawn in one go (the rasterizer loads its font once per rendering).
    const size = (im: (typeof form.images)[number]) => ({ width: im.width ?? DEFAULT_CHART.width, height: im.height ?? DEFAULT_CHART.height });
    const pictures = data.projects.flatMap((p) => (p.curve ? form.images.map((im) => ({ option: p.curve!, ...size(im) })) : []));
    const pngs = await chartPngs(pictures);
    let next = 0;
    for (const p of data.projects) {
      const cells: CellWrite[] = form.cells.map((c) => ({ ...tpl.target(c.ref), value: out(cellValue(c.field, p, data), tpl.date1904) }));
      const writes = form.blocks.map((b) =>
        blockWrite(
          b,
          form.sheet,
          p.lists[b.list].map((rec) => Object.fromEntries(b.columns.map((c) => [c.field, listValue(c.field, rec[c.field] ?? null)]))),
          tpl.date1904,
        ),
      );
      const images: ImageWrite[] = [];
      for (const im of form.images) {
        if (!p.curve) continue; // a plan without dates has no S-curve: the cell stays as the form has it
        images.push({ sheet: form.sheet, ref: im.ref.replaceAll('$', ''), png: pngs[next++]!, ...size(im), name: data.labels.curve });
      }
      const bytes = await fillTemplateInWorker(template, writes, { fileName: profile.fileName, cells, images, dateFormat: 'yyyy/mm/dd' });
      files.push({ name: fileName(p, ext), bytes });
    }
  } catch (err) {
    throw templateConflict(err);
  }
  return files;
}
