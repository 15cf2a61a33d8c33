// How sure the import says it is, from what it read (issue 11; core/excel/import/doubts.ts). A table whose
// header words fit a register but whose key column holds figures (a metrics table: 指摘 over counts, Issues
// over numbers per phase) is no register: the preview says so, naming the file and sheet, and plans nothing
// until the user points at a table (blind set 10, C5: read as six issues, nothing asked). Where another
// field is named all the same, it asks about the header instead, saying why. Columns kept as the client's
// own whose cells read as a field nothing fills (an ID, dates, 1–5 ratings) are offered that field, never
// mapped by it (blind set 10, C3). Right readings stay quiet: no ask, no offer.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { workbook, type SheetSpec } from '../fixtures/excel/xlsx.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';
import type { ImportPreview } from '../../electron/common/excel/preview.js';

beforeAll(async () => {
  await buildReaderWorker();
});

async function preview(register: string, sheets: SheetSpec[], mapping?: Record<string, unknown>): Promise<ImportPreview & { applied?: unknown }> {
  const ws = tempWorkspace();
  const call = inProcessCaller(ws);
  try {
    const { id: projectId } = await call('project.create', { name: 'P' });
    const dataBase64 = (await workbook(sheets)).toString('base64');
    const first = await call('excel.previewImport', { projectId, register: register as 'issue', fileName: 'book.xlsx', dataBase64 });
    if (!mapping) return first;
    return await call('excel.previewImport', { projectId, register: register as 'issue', previewId: first.previewId, mapping });
  } finally {
    ws.close();
  }
}

const imported = (p: ImportPreview) => p.rows.filter((r) => !r.skipped).map((r) => r.row);

// Metrics tables, in both languages and several layouts: a header word of the register over figures.
const METRICS: { name: string; register: string; sheet: SheetSpec }[] = [
  {
    name: '品質指標 (指摘 merged over 件数 | 密度 | 基準値, a total row)',
    register: 'issue',
    sheet: {
      name: '品質指標',
      rows: [
        ['品質管理表'],
        [],
        ['工程', '規模(KS)', 'レビュー', null, null, '指摘', null, null, '判定'],
        [null, null, '回数', '工数', '密度', '件数', '密度', '基準値', null],
        ['基本設計', 12, 4, 30, 2.5, 84, 7, 6, '○'],
        ['詳細設計', 40, 9, 80, 2, 402, 10.1, 8, '△'],
        ['製造', 55, 12, 90, 1.6, 310, 5.6, 5, '○'],
        ['単体テスト', 55, 6, 40, 0.7, 140, 2.5, 3, '○'],
        ['合計', '=SUM(B5:B8)', '=SUM(C5:C8)', '=SUM(D5:D8)', null, '=SUM(F5:F8)', null, null, null],
      ],
      merges: ['C3:E3', 'F3:H3', 'A3:A4', 'B3:B4', 'I3:I4'],
    },
  },
  {
    name: 'English KPI table (Issues found per phase)',
    register: 'issue',
    sheet: {
      name: 'KPIs',
      rows: [
        ['Quality dashboard'],
        ['Phase', 'Issues', 'Target', 'Actual %'],
        ['Design', 14, 20, 0.7],
        ['Build', 35, 30, 1.17],
        ['Test', 22, 25, 0.88],
        ['UAT', 6, 10, 0.6],
      ],
    },
  },
  {
    name: 'リスク件数の月次推移 (read as a risk register)',
    register: 'risk',
    sheet: {
      name: '推移',
      rows: [
        ['月', 'リスク', '課題', '変更'],
        ['4月', 12, 8, 2],
        ['5月', 15, 9, 3],
        ['6月', 11, 12, 1],
        ['7月', 9, 7, 4],
      ],
    },
  },
];

describe('a table of figures is no register', () => {
  for (const m of METRICS) {
    it(`${m.name}: says so, naming the file and sheet, imports nothing, and asks for a table`, async () => {
      const p = await preview(m.register, [m.sheet]);
      expect(imported(p)).toEqual([]);
      // (Where detection finds no table at all, the preview says that instead: nothing is imported either way.)
      const said = p.problems.find((x) => x.code === 'noRegisterTable' || x.code === 'noTable');
      expect(said).toBeDefined();
      if (said!.code === 'noTable') return;
      expect(said!.params).toMatchObject({ file: 'book.xlsx', sheet: m.sheet.name });
      expect(p.detection?.ask).toBe('table');
      expect(p.detection?.why.map((w) => w.code)).toContain('keyFigures');
    });
  }

  it('imports once the user points at the header row, as with any table', async () => {
    const p = await preview('risk', [METRICS[2]!.sheet], { headerTop: 1 });
    expect(imported(p)).toEqual([2, 3, 4, 5]);
    expect(p.problems.some((x) => x.code === 'noRegisterTable')).toBe(false);
  });
});

describe('a key of figures beside fields the header names', () => {
  it('in English: asks about the header, saying which column, and still reads the rows', async () => {
    const p = await preview('issue', [
      {
        name: 'Log',
        rows: [
          ['Issue', 'Owner', 'Status', 'Due Date'],
          [2025.1, 'J. Smith', 'Open', '2025-05-01'],
          [2025.2, 'A. Patel', 'Closed', '2025-05-08'],
          [2025.3, 'K. Lee', 'Open', '2025-05-15'],
        ],
      },
    ]);
    expect(imported(p)).toEqual([2, 3, 4]);
    expect(p.detection?.ask).toBe('header');
    expect(p.detection?.why).toContainEqual(expect.objectContaining({ code: 'keyFigures', column: 'A', label: 'Issue' }));
  });

  it('asks about the header, saying which column, and still reads the rows', async () => {
    const p = await preview('issue', [
      {
        name: '課題',
        rows: [
          ['課題', '担当者', '状況', '期限'],
          [101, '山田', '対応中', '2025/05/01'],
          [102, '佐藤', '完了', '2025/05/08'],
          [103, '鈴木', '未着手', '2025/05/15'],
        ],
      },
    ]);
    expect(imported(p)).toEqual([2, 3, 4]);
    expect(p.detection?.ask).toBe('header');
    expect(p.detection?.why).toContainEqual(expect.objectContaining({ code: 'keyFigures', column: 'A', label: '課題' }));
    expect(p.detection!.confidence.key).toBeLessThan(0.6);
  });
});

describe('right readings stay quiet', () => {
  const quiet: { name: string; register: string; sheet: SheetSpec }[] = [
    {
      name: 'a Japanese issue log',
      register: 'issue',
      sheet: {
        name: '課題一覧',
        rows: [
          ['No', '課題', '起票日', '担当者', '期限', '状況'],
          [1, '帳票レイアウトの確定', '2025/04/01', '山田', '2025/04/20', '対応中'],
          [2, '移行データの範囲', '2025/04/03', '佐藤', '2025/04/25', '未着手'],
          [3, '2025年度 予算の承認', '2025/04/07', '鈴木', '2025/05/10', '完了'],
        ],
      },
    },
    {
      name: 'an English risk register with ratings',
      register: 'risk',
      sheet: {
        name: 'Risks',
        rows: [
          ['ID', 'Risk', 'Likelihood', 'Impact', 'Owner', 'Status', 'Date Raised'],
          ['R-01', 'Key supplier may exit the market', 3, 4, 'J. Smith', 'Open', '2025-04-01'],
          ['R-02', 'Data migration overruns', 4, 3, 'A. Patel', 'Open', '2025-04-02'],
          ['R-03', 'Test environment late', 2, 2, 'K. Lee', 'Closed', '2025-04-05'],
        ],
      },
    },
  ];
  for (const q of quiet) {
    it(`${q.name}: no ask, no column offered`, async () => {
      const p = await preview(q.register, [q.sheet]);
      expect(imported(p)).toHaveLength(3);
      expect(p.detection?.ask).toBeNull();
      expect(p.detection?.why).toEqual([]);
      expect(p.columnChoices).toBeUndefined();
    });
  }
});

describe('columns kept as the client’s own are offered the fields their cells read as', () => {
  // (Since registers' header families (d0e101f), a first column of the client's codes is read as the ID by
  // its cells, under 依頼番号NO and under a header that names nothing: nothing is left to offer.)
  it('an ID column of the client’s codes whose header names no ID is read as the ID, and no other column is offered', async () => {
    const p = await preview('issue', [
      {
        name: '作業依頼台帳',
        rows: [
          ['整理', '件名', '依頼部署', '担当者', '状況', '対応日'],
          ['2025-001', 'アカウント追加', '総務部', '山田', '完了', '2025/04/03'],
          ['2025-002', 'プリンタ設定', '経理部', '佐藤', '対応中', '2025/04/05'],
          ['2025-003', '権限変更', '営業部', '鈴木', '未着手', '2025/04/09'],
        ],
      },
    ]);
    const offered = Object.fromEntries((p.columnChoices ?? []).map((x) => [x.column, x.fields]));
    // (A date column under a table that reads no date is offered the register's dates, the choice the user's.)
    expect(p.columns.find((m) => m.column === 'A')?.field).toBe('ref');
    expect(offered.A).toBeUndefined();
    // (依頼部署, the department that asked, is who raised the request: a party's column is offered the free
    // person fields, as people's names are — blind set 18, I1.)
    expect(offered.C).toEqual(['raisedBy']);
  });

  it('L | I under Inherent Risk are read as the ratings, and offered nothing (registers’ assessment groups)', async () => {
    const p = await preview('risk', [
      {
        name: 'Risk Register',
        rows: [
          ['Ref', 'Risk', 'Owner', 'Inherent Risk', null, 'Status', 'Date Raised', 'Last Review'],
          [null, null, null, 'L', 'I', null, null, null],
          ['CR01', 'Budget pressure on the programme', 'Finance Director', 4, 5, 'Open', '2025-04-01', '2025-06-01'],
          ['CR02', 'Loss of key staff', 'HR Lead', 3, 3, 'Open', '2025-04-02', '2025-06-02'],
          ['CR03', 'Supplier failure', 'Procurement', 2, 4, 'Closed', '2025-04-03', '2025-06-03'],
        ],
        merges: ['D1:E1', 'A1:A2', 'B1:B2', 'C1:C2', 'F1:F2', 'G1:G2', 'H1:H2'],
      },
    ]);
    expect(p.columns.filter((c) => c.column === 'D' || c.column === 'E').map((c) => c.field)).toEqual(['probability', 'impact']);
    expect(p.columnChoices ?? []).toEqual([]);
    expect(p.detection?.ask).toBeNull();
  });

  it('a group of 1–5 figures under heads nothing reads is offered the ratings; a date column beside a date raised is not offered', async () => {
    const p = await preview('risk', [
      {
        name: 'Risk Register',
        rows: [
          ['Ref', 'Risk', 'Owner', 'Weighting', null, 'Status', 'Date Raised', 'Last Review'],
          [null, null, null, 'Q', 'W', null, null, null],
          ['CR01', 'Budget pressure on the programme', 'Finance Director', 4, 5, 'Open', '2025-04-01', '2025-06-01'],
          ['CR02', 'Loss of key staff', 'HR Lead', 3, 3, 'Open', '2025-04-02', '2025-06-02'],
          ['CR03', 'Supplier failure', 'Procurement', 2, 4, 'Closed', '2025-04-03', '2025-06-03'],
        ],
        merges: ['D1:E1', 'A1:A2', 'B1:B2', 'C1:C2', 'F1:F2', 'G1:G2', 'H1:H2'],
      },
    ]);
    const offered = Object.fromEntries((p.columnChoices ?? []).map((x) => [x.column, x.fields]));
    // (The group's two columns, Q and W, are two columns — a label over N words is N columns, blind set 18,
    // I2 — each kept as the client's: their cells are offered the ratings.)
    expect([p.columns.find((c) => c.column === 'D')?.field, p.columns.find((c) => c.column === 'E')?.field]).toEqual([null, null]);
    expect([offered.D, offered.E]).toEqual([
      ['probability', 'impact'],
      ['probability', 'impact'],
    ]);
    expect(offered.H).toBeUndefined();
    expect(p.detection?.ask).toBeNull();
  });

  // The ID offer is still reached: codes under a word that names no number (コード, Tag) are not read as
  // the ID by their cells (detect.ts namedIdColumn wants a number's name), so they are offered it.
  for (const head of ['コード', 'Tag']) {
    it(`a first column of the client’s codes under ${head}, a word that names no number, is offered the ID, and the user takes it`, async () => {
      const rows = [
        [head, '件名', '担当者', '状況'],
        ['Q-101', 'ログイン不可', '山田', '完了'],
        ['Q-102', '帳票のずれ', '佐藤', '対応中'],
        ['Q-107', '性能劣化', '鈴木', '未着手'],
      ];
      const p = await preview('issue', [{ name: '課題', rows }]);
      expect(p.columns.find((m) => m.column === 'A')?.field).toBeNull();
      expect(p.columnChoices).toEqual([{ column: 'A', fields: ['ref'] }]);
      const taken = await preview('issue', [{ name: '課題', rows }], { columns: [{ column: 'A', field: 'ref' }] });
      expect(taken.rows.filter((r) => !r.skipped).map((r) => r.values?.ref)).toEqual(['Q-101', 'Q-102', 'Q-107']);
    });
  }

  it('a first column whose values repeat is offered no ID', async () => {
    const p = await preview('issue', [
      {
        name: '課題',
        rows: [
          ['区分NO', '件名', '担当者', '状況'],
          ['A1', 'ログイン不可', '山田', '完了'],
          ['A1', '帳票のずれ', '佐藤', '対応中'],
          ['B2', '性能劣化', '鈴木', '未着手'],
        ],
      },
    ]);
    expect((p.columnChoices ?? []).find((x) => x.column === 'A')).toBeUndefined();
  });
});

describe('a weak header word whose cells agree with it', () => {
  // Severity names a risk's impact weakly (a finding's severity is no impact rating); over 1–5 figures
  // it is one all the same: word and cells agree, as sure as a list naming the field (mapping.ts AGREED).
  const register = (severity: (string | number)[]) => [
    {
      name: 'Risks',
      rows: [
        ['Risk', 'Severity', 'Owner', 'Status'],
        ['Budget pressure on the programme', severity[0]!, 'Finance Director', 'Open'],
        ['Loss of key staff', severity[1]!, 'HR Lead', 'Open'],
        ['Supplier failure', severity[2]!, 'Procurement', 'Closed'],
        ['Late hardware delivery', severity[3]!, 'PMO', 'Open'],
      ],
    },
  ];

  it('keeps the agreement’s confidence: the column is shown as medium, not low', async () => {
    const agreeing = await preview('risk', register([4, 2, 5, 3]));
    const col = agreeing.columns.find((c) => c.column === 'B')!;
    expect(col.field).toBe('impact');
    expect(col.confidence).toBeGreaterThanOrEqual(0.8);
    expect(agreeing.detection?.ask).toBeNull();
    // Cells that are no ratings leave the word as weak as it is (or take the column from it).
    const mixed = await preview('risk', register([4, 'see plan', 'tbd', 3]));
    const weak = mixed.columns.find((c) => c.column === 'B')!;
    expect(weak.field === null || weak.confidence < 0.8).toBe(true);
  });
});

describe('two text columns close for the title', () => {
  const risks = (title: string, cause: string) => [
    {
      name: 'Risks',
      rows: [
        ['No.', cause, title, 'Owner', 'Probability', 'Impact'],
        [1, 'Vendor staff turnover', 'Delivery slips a month', 'PMO', 3, 4],
        [2, 'Unclear data ownership', 'Migration rework', 'Data lead', 4, 3],
        [3, 'New firewall rules', 'Interface tests blocked', 'Infra', 2, 4],
      ],
    },
  ];

  for (const [lang, title, cause] of [
    ['English', 'Event', 'Cause'],
    ['Japanese', '事象', '原因'],
  ] as const) {
    it(`${lang} (${title} | ${cause}, both named weakly): asks about the header, naming both columns, and the key shows the doubt`, async () => {
      const p = await preview('risk', risks(title, cause));
      expect(p.detection?.ask).toBe('header');
      expect(p.detection?.why).toContainEqual({ code: 'keyClose', field: 'title', column: 'C', label: title, other: 'B', otherLabel: cause, otherField: 'description' });
      expect(p.detection!.confidence.key).toBeLessThan(0.6);
      expect(p.columns.find((c) => c.column === 'C')!.confidence).toBeLessThan(0.6);
    });
  }

  it('the user answers by choosing the other column as the title: the rows take their titles from it', async () => {
    const p = await preview('risk', risks('Event', 'Cause'), { columns: [{ column: 'B', field: 'title' }] });
    expect(p.columns.find((c) => c.column === 'B')!.field).toBe('title');
    expect(p.detection?.ask ?? null).toBeNull();
    expect(p.rows.filter((r) => !r.skipped).map((r) => r.values?.title)).toEqual(['Vendor staff turnover', 'Unclear data ownership', 'New firewall rules']);
  });

  it('a title named plainly beside a weakly named cause is no toss-up', async () => {
    const p = await preview('risk', risks('リスク名', '原因'));
    expect(p.detection?.ask).toBeNull();
  });
});

describe('an action list beside the register', () => {
  // The issue log's actions kept in a list of their own beside it (Action | Owner | Due Date) are another
  // kind of list, not the register again: no question. A second issue log beside it still is one.
  const log = (beside: string[]) => [
    {
      name: 'Log',
      rows: [
        ['No.', 'Issue', 'Owner', 'Due Date', 'Status', null, ...beside],
        ['I-001', 'Sign-off is late', 'Ann Lee', '2025-05-01', 'Open', null, 'Follow-up 1', 'C. Jones', '2025-05-03'],
        ['I-002', 'Test data missing', 'E. Kim', '2025-05-08', 'In progress', null, 'Follow-up 2', 'D. Patel', '2025-05-09'],
        ['I-003', 'Vendor staff short', 'Bob Smith', '2025-05-15', 'Closed', null, null, null, null],
        ['I-004', 'Licence renewal', 'C. Jones', '2025-05-20', 'Open', null, null, null, null],
      ],
    },
  ];

  for (const words of [
    ['Action', 'Owner', 'Due Date'],
    ['アクション', '担当者', '期限'],
  ])
    it(`${words.join(' | ')}: the log is read without asking which table`, async () => {
      const p = await preview('issue', log(words));
      expect(p.detection?.ask).toBeNull();
      expect(imported(p)).toEqual([2, 3, 4, 5]);
    });

  it('a second issue log beside it (Issue | Owner | Due Date) is still a choice to ask about', async () => {
    const p = await preview('issue', log(['Issue', 'Owner', 'Due Date']));
    expect(p.detection?.ask).toBe('table');
  });
});
