// Generated WBS sheets whose tree is given by category columns left of the task names (街区 | 工種 | 作業,
// Area | Trade | Activity): the category written on every task row, or only on the first row of each
// group; one or two levels; Japanese or English words; with or without a No. column before them and a
// title above. Issue 11, unseen sets 12–14: such plans came in flat.
import ExcelJS from 'exceljs';

export type Fill = 'every' | 'first';
export interface PlanShape {
  lang: 'ja' | 'en';
  /** Category columns above the task names (1 or 2). */
  levels: 1 | 2;
  fill: Fill;
  /** A No. column first (1, 2, 3 … on every task). */
  numbered?: boolean;
  /** A title row and a blank row above the header. */
  title?: boolean;
  /** Which word set (0, 1): another set of header words and values. */
  words?: 0 | 1;
}

const HEAD = {
  ja: [['街区', '工種', '作業'], ['エリア', '区分', '作業内容']],
  en: [['Area', 'Trade', 'Activity'], ['Zone', 'Discipline', 'Task description']],
} as const;

/** [level-1 value, level-2 value, tasks] per group; level-2 words repeat under different level-1 values. */
const PLAN = {
  ja: [
    [['A街区', '躯体', ['基礎配筋', '基礎コンクリート打設', '1階柱配筋']], ['A街区', '仕上', ['外壁塗装', '内装ボード張り']], ['B街区', '躯体', ['杭打ち', '基礎配筋', '地中梁打設']], ['B街区', '設備', ['給排水配管', '電気幹線']]],
    [['北棟', '土工事', ['根切り', '埋戻し']], ['北棟', '鉄骨工事', ['鉄骨建方', '本締め', 'デッキ敷設']], ['南棟', '土工事', ['根切り', '残土搬出']], ['南棟', '内装工事', ['軽鉄下地', 'クロス貼り']]],
  ],
  en: [
    [['Block A', 'Structure', ['Pile caps', 'Ground slab pour', 'Column rebar']], ['Block A', 'Finishes', ['External render', 'Drylining']], ['Block B', 'Structure', ['Piling', 'Pile caps', 'Ground beams']], ['Block B', 'Services', ['Drainage', 'Mains cabling']]],
    [['North wing', 'Earthworks', ['Excavation', 'Backfill']], ['North wing', 'Steel', ['Erection', 'Bolting', 'Decking']], ['South wing', 'Earthworks', ['Excavation', 'Spoil removal']], ['South wing', 'Interiors', ['Stud walls', 'Wallpaper']]],
  ],
} as const;

export interface Plan {
  header: string[];
  /** Each task row's cells in order (categories, name, start, finish), '' for a blank cell. */
  rows: (string | number | Date)[][];
  /** The tree a person reads: names indented two spaces per level. */
  tree: string[];
  /** Columns (A, B, …) of the category columns, shallowest first. */
  categoryColumns: string[];
  /** Each task's category values (shallowest first), by task name and row order. */
  categories: { name: string; values: string[] }[];
}

const col = (i: number) => String.fromCharCode(65 + i);

export function categoryPlan(shape: PlanShape): Plan {
  const words = shape.words ?? 0;
  const [h1, h2, hName] = HEAD[shape.lang][words]!;
  const groups = PLAN[shape.lang][words]!;
  const start = shape.lang === 'ja' ? ['開始', '終了'] : ['Start', 'Finish'];
  const header = [...(shape.numbered ? ['No.'] : []), ...(shape.levels === 2 ? [h1, h2] : [h2]), hName, ...start];
  const rows: Plan['rows'] = [];
  const tree: string[] = [];
  const categories: Plan['categories'] = [];
  let prev: string[] = [];
  let n = 0;
  let day = Date.UTC(2025, 3, 7);
  for (const [a, b, tasks] of groups) {
    const values = shape.levels === 2 ? [a, b] : [`${a} ${b}`];
    if (shape.levels === 2 && prev[0] !== a) tree.push(a);
    tree.push(`${shape.levels === 2 ? '  ' : ''}${values[values.length - 1]}`);
    tasks.forEach((t, k) => {
      const cats = values.map((v, d) => (shape.fill === 'every' || (k === 0 && prev[d] !== v) || (k === 0 && d === values.length - 1) ? v : ''));
      const s = new Date(day);
      const f = new Date(day + 3 * 86_400_000);
      day += 4 * 86_400_000;
      rows.push([...(shape.numbered ? [++n] : []), ...cats, t, s, f]);
      tree.push(`${'  '.repeat(values.length)}${t}`);
      categories.push({ name: t, values: [...values] });
    });
    prev = values;
  }
  const first = shape.numbered ? 1 : 0;
  return { header, rows, tree, categoryColumns: values(shape.levels).map((k) => col(first + k)), categories };
}

const values = (n: number) => Array.from({ length: n }, (_, k) => k);

/** The plan as a workbook: sheet 工程表 / Schedule, header on row 1 or (with a title) row 3. */
export async function planWorkbook(shape: PlanShape, plan = categoryPlan(shape)): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(shape.lang === 'ja' ? '工程表' : 'Schedule');
  const top = shape.title ? 3 : 1;
  if (shape.title) ws.getCell('A1').value = shape.lang === 'ja' ? '〇〇団地建替工事 工程表' : 'Riverside Estate – construction programme';
  ws.getRow(top).values = plan.header;
  plan.rows.forEach((cells, i) => {
    cells.forEach((v, c) => {
      if (v === '') return;
      const cell = ws.getCell(top + 1 + i, c + 1);
      cell.value = v;
      if (v instanceof Date) cell.numFmt = 'yyyy/m/d';
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
