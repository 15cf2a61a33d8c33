// What the Japanese UI says for real refusals of the core, produced by the API on a real workspace and
// turned into the screen's line by the renderer's own errorText / reasonOf: Japanese throughout, no
// English sentence from the server (the mechanism: errors carry serverErrors keys and parameters).
import ExcelJS from 'exceljs';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { ApiError, ERROR_CODES, type Envelope } from '../../electron/common/errors.js';
import { toApiError } from '../../electron/core/envelope.js';
import { PgSqlError } from '../../electron/core/db/pg-sync.js';
import { startHost } from '../../electron/host/server.js';
import { rawRequest } from '../helpers/http.js';
import { ja } from '../../renderer/src/i18n/ja.js';
import { en } from '../../renderer/src/i18n/en.js';
import { errorText, type Translator } from '../../renderer/src/ui/errorText.js';
import { KNOWN_REASONS, reasonOf, wbsCellProblems } from '../../renderer/src/grid/serverProblems.js';
import { reasonText } from '../../renderer/src/grid/reasons.js';
import { inProcessCaller, ROOT, tempWorkspace } from '../helpers/workspace.js';
import { buildReaderWorker } from '../fixtures/excel/reader-worker.js';
import { externalEntity, randomBytes } from '../fixtures/excel/hostile.js';
import { rawXlsx, rowXml, sheetXml } from '../fixtures/excel/xlsx.js';
import { READ_ERROR_CODES, ExcelReadError } from '../../electron/core/excel/errors.js';
import { TEMPLATE_ERROR_CODES, TemplateError } from '../../electron/core/excel/template/errors.js';
import { workbookRefusal } from '../../electron/core/excel/error-text.js';

let jaT: Translator;
let enT: Translator;

beforeAll(async () => {
  await buildReaderWorker();
  const make = async (lng: 'ja' | 'en'): Promise<Translator> => {
    const i = i18next.createInstance();
    await i.init({ resources: { ja: { translation: ja }, en: { translation: en } }, lng, interpolation: { escapeValue: false } });
    return { t: (k, p) => i.t(k, p ?? {}), exists: (k) => i.exists(k) };
  };
  jaT = await make('ja');
  enT = await make('en');
});

async function refusal(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (err) {
    return err as ApiError;
  }
  throw new Error('expected a refusal');
}

/** English words the server could have written: ASCII words of 3+ letters, minus names a Japanese UI uses as is. */
const englishWords = (s: string) => (s.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !['WBS', 'CSV', 'Excel', 'PMO', 'Desk'].includes(w));

/** Japanese throughout, every name the English message gives (file, sheet, cell) in it, and English in the English UI. */
function saysInJapanese(err: ApiError, said: string | RegExp, names: string[] = [], words: string[] = []): void {
  expect(err, err.message).toBeInstanceOf(ApiError);
  const ja = errorText(err, jaT);
  if (typeof said === 'string') expect(ja, err.message).toBe(said);
  else expect(ja, err.message).toMatch(said);
  // The file's and sheet's own names, and words a Japanese UI uses as they are (Excel, .xlsx, DTD).
  const withoutNames = [...names, ...words, 'Excel', 'XML', 'DTD', 'Open', 'Strict', '.xlsx', '.xlsb', '.xls', 'zip'].reduce((t, n) => t.replaceAll(n, ''), ja);
  expect(englishWords(withoutNames), `${err.message} → ${ja}`).toEqual([]);
  for (const n of names) expect(ja, err.message).toContain(n);
  expect(englishWords(errorText(err, enT)).length, err.message).toBeGreaterThan(0);
}

describe('server messages in the Japanese UI', () => {
  it('say WBS link, list, export and backup refusals in Japanese', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const p = (await call('project.create', { name: 'P' })).id;
    const a = await call('wbs.create', { projectId: p, values: { name: '設計' } });
    const b = await call('wbs.create', { projectId: p, values: { name: '実装' } });
    await call('wbs.update', { id: b.id, patch: { predecessors: '1' } });
    const cases: [ApiError, string][] = [
      [await refusal(call('wbs.update', { id: a.id, patch: { predecessors: '2' } })), '入力が正しくありません: このリンクは循環になります: 1 → 2 → 1'],
      [await refusal(call('wbs.update', { id: a.id, patch: { predecessors: '9.9' } })), '入力が正しくありません: 先行タスク: WBS 番号 9.9 のタスクはありません。'],
      [await refusal(call('wbs.update', { id: a.id, patch: { predecessors: '1' } })), '入力が正しくありません: 先行タスク: 1 はこのタスク自身です。'],
      [await refusal(call('wbs.update', { id: b.id, patch: { predecessors: '1 の後' } })), '入力が正しくありません: 先行タスク: 「の後」は先行タスクの書き方ではありません (例: 1.2.3、1.2.3FS+2、4SS-1)。'],
      [await refusal(call('dependency.create', { projectId: p, predecessorId: a.id, successorId: b.id })), '矛盾があります: タスク 1 は既にタスク 2 の先行タスクです。'],
      [await refusal(call('dependency.create', { projectId: p, predecessorId: a.id, successorId: a.id })), '入力が正しくありません: タスクを自分自身の先行タスクにはできません。'],
    ];
    await call('risk.create', { projectId: p, values: { title: 'R', category: 'technical' } });
    const lists = await call('vocab.list', { projectId: p });
    const keep = lists['risk.category']!.items.filter((i) => i.code !== 'technical').map(({ code, labelJa, labelEn }) => ({ code, labelJa, labelEn }));
    cases.push([await refusal(call('vocab.set', { projectId: p, list: 'risk.category', items: keep })), '矛盾があります: 1 行がまだ 「技術」(1) を使っています。先にその行を変更するか、項目を残してください。']);
    cases.push([await refusal(call('backup.setFolder', { folder: 'バックアップ' })), '入力が正しくありません: バックアップの保存先はフルパスで指定してください: バックアップ']);
    cases.push([await refusal(call('backup.setFolder', { folder: ws.dir })), '入力が正しくありません: 作業データのフォルダー以外を指定してください。']);
    for (const [err, said] of cases) {
      expect(err).toBeInstanceOf(ApiError);
      expect(errorText(err, jaT), err.message).toBe(said);
      expect(englishWords(errorText(err, jaT)), err.message).toEqual([]);
      // The English UI says it in English, from the same key.
      expect(englishWords(errorText(err, enT)).length, err.message).toBeGreaterThan(0);
    }
    ws.close();
  });

  it('say the refusals of the import dialog in Japanese: a row without header words, a column not in the header, an empty file', async () => {
    await buildReaderWorker();
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const projectId = (await call('project.create', { name: 'P' })).id;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('課題').addRows([['課題一覧'], [], ['課題', '担当者', '期限'], ['ログインできない', '山田', '2025/4/3']]);
    const dataBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const first = await call('excel.previewImport', { projectId, register: 'issue', fileName: '課題.xlsx', dataBase64 });
    const cases: [ApiError, string][] = [
      [await refusal(call('excel.previewImport', { projectId, register: 'issue', previewId: first.previewId, mapping: { headerTop: 2 } })), '入力が正しくありません: 課題.xlsx: シート「課題」の 2 行目には見出しの言葉がありません。見出し行を指定し直してください。'],
      [await refusal(call('excel.previewImport', { projectId, register: 'issue', previewId: first.previewId, mapping: { firstDataRow: 3 } })), '入力が正しくありません: 課題.xlsx: シート「課題」の 3 行目の上の行には見出しの言葉がありません。最初のデータ行を指定し直してください。'],
      [await refusal(call('excel.previewImport', { projectId, register: 'issue', previewId: first.previewId, mapping: { sheet: '課題', headerTop: 3, headerBottom: 3, columns: [{ column: 'Q', field: 'title' }] } })), '入力が正しくありません: Q 列は見出しの列ではありません。列の対応を確認してください。'],
      [await refusal(call('excel.previewImport', { projectId, register: 'issue', fileName: '空.xlsx', dataBase64: '' })), '入力が正しくありません: 空.xlsx は空のファイルです。'],
    ];
    for (const [err, said] of cases) {
      expect(err).toBeInstanceOf(ApiError);
      expect(errorText(err, jaT), err.message).toBe(said);
      expect(englishWords(errorText(err, jaT)).filter((w) => w !== 'xlsx'), err.message).toEqual([]);
      expect(englishWords(errorText(err, enT)).length, err.message).toBeGreaterThan(1);
    }
    ws.close();
  });

  it('name the reason of each refused WBS cell in Japanese', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const p = (await call('project.create', { name: 'P' })).id;
    const a = await call('wbs.create', { projectId: p, values: { name: '設計' } });
    await call('wbs.create', { projectId: p, parentId: a.id, values: { name: '詳細' } });
    const err = await refusal(
      call('wbs.applyCells', {
        projectId: p,
        updates: [
          { id: a.id, patch: { progress: 50 } }, // a summary's progress is computed
        ],
        creates: [{ values: { name: 'x', predecessors: '7' } }, { values: { name: 'y', predecessors: '1,1' } }, { values: { name: 'z', predecessors: 'あと' } }],
      }),
    );
    const problems = wbsCellProblems(err.details, 1)!;
    const reasons = problems.map((d) => reasonOf(d.message));
    expect(reasons.every((r) => (KNOWN_REASONS as readonly string[]).includes(r)), JSON.stringify(problems)).toBe(true);
    const lines = reasons.map((r) => jaT.t(`register.reason.${r}`));
    for (const line of lines) expect(englishWords(line)).toEqual([]);
    expect(lines).toContain('は親タスクのため子タスクから計算されます');
    ws.close();
  });


  it('say workbook, import preview, baseline, minutes, restore and input refusals in Japanese, naming the file, sheet and cell', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const p = (await call('project.create', { name: 'P' })).id;
    const preview = (fileName: string, bytes: Buffer) => refusal(call('excel.previewImport', { projectId: p, register: 'issue', fileName, dataBase64: bytes.toString('base64') }));
    saysInJapanese(await preview('課題.xlsx', randomBytes(4096)), '入力が正しくありません: 課題.xlsx は Excel ブックでも CSV ファイルでもありません。', ['課題.xlsx']);
    saysInJapanese(await preview('empty.xlsx', Buffer.alloc(0)), /^入力が正しくありません: empty\.xlsx は/, ['empty.xlsx']);
    saysInJapanese(await preview('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array(600).fill(0)])), /old\.xls は読み込めない形式です/, ['old.xls']);
    const good = rawXlsx();
    saysInJapanese(await preview('cut.xlsx', good.subarray(0, good.length - 40)), /cut\.xlsx.*壊れている/, ['cut.xlsx']);
    saysInJapanese(
      await preview('xxe.xlsx', rawXlsx({ sheet: externalEntity('worksheet') + sheetXml('') .replace(/^<\?xml[^>]*>/, '') })),
      '入力が正しくありません: xxe.xlsx (WBS) には安全でない XML の宣言 (DTD・エンティティ) があるため読み込みません。',
      ['xxe.xlsx', 'WBS'],
    );
    saysInJapanese(
      await preview('長文.xlsx', rawXlsx({ sheet: sheetXml(rowXml(1, ['件名']) + rowXml(2, ['あ'.repeat(32_768)])) })),
      '入力が正しくありません: 長文.xlsx (WBS!A2) は大きすぎるため読み込めません。',
      ['長文.xlsx', 'WBS!A2'],
    );
    saysInJapanese(await refusal(call('excel.applyImport', { previewId: 'gone' })), '見つかりません: 取込のプレビューの期限が切れたか、すでに取り込み済みです。ファイルを選び直してください。');
    saysInJapanese(await refusal(call('baseline.compare', { projectId: p, baselineId: 999 })), '見つかりません: 基準計画がもうありません (ID 999)。');
    const q = (await call('project.create', { name: 'Q' })).id;
    const other = await call('baseline.create', { projectId: q, name: '初版' });
    saysInJapanese(await refusal(call('baseline.compare', { projectId: p, baselineId: other.id })), '入力が正しくありません: 基準計画「初版」は別のプロジェクトのものです。');
    saysInJapanese(await refusal(call('excel.export', { projectId: p, register: 'minutes', format: 'xlsx' } as never)), /^入力が正しくありません: 出力する議事録の会議を選んでください。$/);
    saysInJapanese(await refusal(call('excel.export', { projectId: p, register: 'minutes', format: 'xlsx', meetingId: 999 } as never)), '見つかりません: 会議がもうありません (ID 999)。');
    const noBackup = await refusal(call('backup.restore', { id: 'nope' }));
    saysInJapanese(noBackup, /^見つかりません: バックアップ nope が .+ にありません。$/, ['nope', String(noBackup.text?.params?.folder)]);
    const backup = await call('backup.create', {});
    saysInJapanese(await refusal(call('backup.restore', { id: backup.id, projectId: 999 })), `見つかりません: バックアップ ${backup.id} にこのプロジェクト (ID 999) はありません。`, [backup.id]);
    // The schema's own refusals: the field as the API names it, the rule in Japanese.
    // The schema's own refusals: the field as the screen names it (the register's column header), the rule in Japanese.
    saysInJapanese(await refusal(call('issue.create', { projectId: p, values: { title: 'あ'.repeat(2_001) } })), /^入力が正しくありません: 件名 は \d+ 文字以内にしてください。$/);
    saysInJapanese(await refusal(call('wbs.create', { projectId: p, values: { name: 'あ'.repeat(2_001) } })), /^入力が正しくありません: タスク名 は \d+ 文字以内にしてください。$/);
    saysInJapanese(await refusal(call('baseline.create', { projectId: p, name: '  ' })), '入力が正しくありません: 名前 を入力してください。');
    saysInJapanese(await refusal(call('wbs.rows', { projectId: 'x' } as never)), '入力が正しくありません: この項目 の値の種類が正しくありません。');
    expect(errorText(await refusal(call('wbs.rows', { projectId: 'x' } as never)), enT)).toBe('Invalid input: projectId has the wrong kind of value.');
    ws.close();
  });

  it('have a Japanese sentence for every code of the workbook reader and the template writer, naming the file and where', () => {
    const errors = [
      ...READ_ERROR_CODES.flatMap((c) => [new ExcelReadError(c, `a.xlsx: ${c}`, { file: '見積.xlsx' }), new ExcelReadError(c, `a.xlsx: ${c}`, { file: '見積.xlsx', at: "'月次 報告'!B3" })]),
      ...TEMPLATE_ERROR_CODES.flatMap((c) => [new TemplateError(c, `a.xlsx: ${c}`, { file: '見積.xlsx' }), new TemplateError(c, `a.xlsx: ${c}`, { file: '見積.xlsx', at: "'月次 報告'!B3" })]),
    ];
    for (const e of errors) {
      const err = workbookRefusal(e, 'profile') as ApiError;
      expect(jaT.exists(`serverErrors.${err.text!.key}`), err.text!.key).toBe(true);
      saysInJapanese(err, /^矛盾があります: /, ['見積.xlsx'], ["'月次 報告'!B3"]);
      // A sentence for the place where the code can have one, so the sheet or cell is not lost.
      if (e.place!.at && ['DAMAGED', 'TOO_LARGE', 'NO_SHEET', 'NOT_A_WORKSHEET', 'BAD_WRITE', 'UNSAFE'].includes(e.code)) expect(errorText(err, jaT)).toContain("'月次 報告'!B3");
    }
  });
});

describe('server messages in the Japanese UI, the rarer ones', () => {
  it('say the web host’s refusals in Japanese: a stale page key, a wrong address, a body that is no JSON', async () => {
    const ws = tempWorkspace();
    const host = await startHost(0, { handlers: ws.handlers });
    try {
      const answer = async (headers: Record<string, string>, body = '{}') => {
        const res = await rawRequest(host.port, { method: 'POST', path: '/api/project.list', headers: { 'Content-Type': 'application/json', ...headers }, body });
        const env = JSON.parse(res.body) as Envelope<unknown>;
        if (env.ok) throw new Error('expected a refusal');
        return ApiError.from(env.error);
      };
      const good = { Host: `127.0.0.1:${host.port}`, 'X-PMO-Token': host.token };
      saysInJapanese(await answer({ ...good, 'X-PMO-Token': 'old' }), /^拒否されました: このページの接続キーが無効です/);
      saysInJapanese(await answer({ ...good, Host: `evil.example:${host.port}` }), /^拒否されました: アドレス「evil\.example:\d+」からの接続は受け付けません。/, [], ['evil.example']);
      saysInJapanese(await answer({ ...good, Origin: 'http://evil.example' }), /^拒否されました: 別のサイト \(http:\/\/evil\.example\) からの/, [], ['http://evil.example']);
      saysInJapanese(await answer({ ...good, 'Sec-Fetch-Site': 'cross-site' }), '拒否されました: 別のサイトからの呼び出しは受け付けません。');
      saysInJapanese(await answer(good, '{not json'), '入力が正しくありません: 送られたデータを読み取れません。画面を読み込み直してください。');
      saysInJapanese(await answer({ ...good, 'X-PMO-Client': 'a b' }), '入力が正しくありません: ページの識別子が正しくありません。画面を読み込み直してください。');
    } finally {
      await host.close();
      ws.close();
    }
  });

  it('say rows that are gone, rows of another project, an undo without its record and faults of PMO Desk itself in Japanese', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const p = (await call('project.create', { name: 'P' })).id;
    const q = (await call('project.create', { name: 'Q' })).id;
    const mine = await call('wbs.create', { projectId: p, values: { name: '設計' } });
    const theirs = await call('wbs.create', { projectId: q, values: { name: '他案件' } });
    saysInJapanese(await refusal(call('issue.applyCells', { projectId: p, updates: [{ id: 999, patch: { title: 'x' } }], creates: [] })), '見つかりません: 1 行がもうありません。一覧を読み込み直してください。');
    saysInJapanese(
      await refusal(call('wbs.create', { projectId: p, parentId: theirs.id, values: { name: '子' } })),
      `矛盾があります: タスク (ID ${theirs.id}) は別のプロジェクトのものです。画面を読み込み直してください。`,
    );
    saysInJapanese(
      await refusal(call('dependency.create', { projectId: p, predecessorId: mine.id, successorId: theirs.id })),
      `矛盾があります: タスク (ID ${theirs.id}) は別のプロジェクトのものです。画面を読み込み直してください。`,
    );
    saysInJapanese(
      await refusal(call('wbs.applyCells', { projectId: p, updates: [{ id: theirs.id, patch: { name: 'x' } }], creates: [] })),
      `矛盾があります: タスク (ID ${theirs.id}) は別のプロジェクトのものです。画面を読み込み直してください。`,
    );
    // A delete whose audit row lost its snapshot (a file written by an early version) cannot be undone.
    const issue = await call('issue.create', { projectId: p, values: { title: '消す' } });
    await call('issue.delete', { ids: [issue.id] });
    ws.db.sqlite.prepare("UPDATE audit_log SET before = NULL WHERE entity = 'issue' AND action = 'delete'").run();
    saysInJapanese(await refusal(call('history.undo', { projectId: p })), `矛盾があります: 削除された行 (ID ${issue.id}) の記録がないため、元に戻せません。`);
    // A fault of PMO Desk itself (a TypeError's English words) and a stored row that breaks a constraint.
    saysInJapanese(toApiError(new TypeError("Cannot read properties of undefined (reading 'id')")), '予期しないエラー: PMO Desk の内部で問題が起きたため、この操作を中止しました。何も保存していません。');
    saysInJapanese(toApiError(Object.assign(new Error('UNIQUE constraint failed: issues.ref'), { code: 'SQLITE_CONSTRAINT_UNIQUE' })), /^矛盾があります: 保存済みのデータと矛盾するため/);
    ws.close();
  });

  it('say what PostgreSQL refused (team mode) as they say SQLite\'s refusals, by the server\'s SQLSTATE', () => {
    const pg = (code: string, message: string) => toApiError(new PgSqlError({ code, message }, 'UPDATE risks SET ref = ? WHERE id = ?'));
    const unique = pg('23505', 'duplicate key value violates unique constraint "risks_project_ref"');
    expect(unique).toMatchObject({ code: 'CONFLICT', details: { sqlstate: '23505', statement: 'UPDATE risks SET ref = ? WHERE id = ?' } });
    saysInJapanese(unique, /^矛盾があります: 保存済みのデータと矛盾するため/);
    saysInJapanese(pg('53100', 'could not extend file: No space left on device'), 'ディスクの空き容量が足りないため、保存していません。空き容量を増やしてからやり直してください。');
    saysInJapanese(pg('25006', 'cannot execute UPDATE in a read-only transaction'), '読み取り専用で開いているため、変更できません。');
    for (const busy of ['40P01', '57014']) expect(pg(busy, 'deadlock detected')).toMatchObject({ code: 'CONFLICT', text: { key: 'workspace.serverBusy' } });
    for (const gone of ['08006', '57P01', '28P01', '3D000', 'ECONNREFUSED', 'PMO_TIMEOUT']) {
      const e = pg(gone, 'connection terminated');
      expect(e, gone).toMatchObject({ code: 'UNAVAILABLE', text: { key: 'workspace.serverUnreachable' } });
      saysInJapanese(e, /^チームのデータベースに接続できないため、保存していません。/);
    }
    // A statement PostgreSQL does not take is PMO Desk's fault: INTERNAL, with the statement for support.
    expect(pg('42883', 'operator does not exist: integer = text')).toMatchObject({ code: 'INTERNAL', details: { statement: expect.stringContaining('UPDATE risks') } });
  });

  it('never show a message the core sent without a sentence of its own in English: its code says it, the English UI keeps the core’s words', () => {
    const bare = ApiError.from({ code: 'CONFLICT', message: 'the widget is frobnicated' });
    expect(errorText(bare, jaT)).toBe('矛盾があります: 保存済みのデータと合わないため、変更していません。');
    expect(errorText(bare, enT)).toContain('the widget is frobnicated');
    for (const code of ERROR_CODES) expect(englishWords(errorText(ApiError.from({ code, message: 'some English words here' }), jaT)), code).toEqual([]);
  });

  it('have a sentence in both languages for every key the core names', () => {
    // Every key written out where an error is made (textError('CODE', 'key', …) and { key: '…' } texts).
    const keys = new Set<string>();
    const made = /textError\(\s*'[A-Z_]+',\s*'([\w.]+)'/g;
    const text = /textError\(\s*'[A-Z_]+',\s*'([\w.]+)'|\{ key: '([\w.]+)'(?:, params| \})/g;
    const walk = (dir: string, re: RegExp): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const f = path.join(dir, e.name);
        if (e.isDirectory()) walk(f, re);
        else if (/\.tsx?$/.test(f)) for (const m of fs.readFileSync(f, 'utf8').matchAll(re)) keys.add((m[1] ?? m[2])!);
      }
    };
    walk(path.join(ROOT, 'electron'), text);
    walk(path.join(ROOT, 'renderer/src'), made);
    // The scan finds this change's keys and older ones (a scan that finds nothing proves nothing).
    for (const k of ['host.token', 'rowsGone', 'wbs.otherProject', 'history.noSnapshot', 'internal', 'meeting.gone', 'export.recordRequired']) expect(keys).toContain(k);
    expect([...keys].filter((k) => !jaT.exists(`serverErrors.${k}`) || !enT.exists(`serverErrors.${k}`))).toEqual([]);
  });
});

describe('a cell refused for a reason the renderer has no key for', () => {
  it('is said as a general refusal in Japanese, and in the core\'s words in English', () => {
    const rule = reasonOf('must be a whole number between 1 and 5');
    expect((KNOWN_REASONS as readonly string[]).includes(rule)).toBe(false);
    expect(reasonText(jaT.t, 'ja', rule)).toBe('は受け付けられませんでした');
    expect(reasonText(enT.t, 'en', rule)).toBe('must be a whole number between 1 and 5');
    expect(reasonText(jaT.t, 'ja', reasonOf('must not be empty'))).toBe(ja.register.reason.empty);
  });
});
