// Global search figures (issue 12, printed, never asserted): 50,000 rows of Japanese text across ten
// projects (issues, risks, changes, WBS tasks, meetings), written straight into the tables and indexed
// at once as a workspace from before the index is at open (reindex), then search.query over the API
// for words the trigram index answers, and 2- and 1-character words the index of pieces answers. The
// peer in the same run: a plain SELECT by primary key of one row.
//   npm run bench -- --only search
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MIGRATIONS, tempWorkspace } from '../helpers/workspace.js';
import { prng } from '../fixtures/excel/hostile.js';
import { repeat, stats, time } from './stats.js';
import type { BenchLine } from './excel-import.js';
import { call } from './call.js';
import { indexBatch, reindex, SearchTouches } from '../../electron/core/services/search-index.js';

const ROWS = 50_000;
const PROJECTS = 10;
const QUERIES = 40;

const NOUNS = ['課題', '仕様', '帳票', '画面', '移行', 'データ', '性能', '障害', '要件', '設計', 'テスト', '顧客', '予算', '体制', '承認', '環境', 'ベンダー', '契約', '品質', '進捗'];
const MODS = ['未解決', '確認中', '再発', '追加', '変更', '遅延', '検討', '調整', '見直し', '合意'];
const PEOPLE = ['山田', '佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '中村'];

/** The per-row triggers of the issues table as migration 0005 wrote them (0007 dropped them): the former way, for comparison. */
function formerTriggers(): string[] {
  const sql = fs.readFileSync(path.join(MIGRATIONS, '0005_search_index.sql'), 'utf8');
  return sql.split('--> statement-breakpoint').map((x) => x.trim()).filter((x) => x.startsWith('CREATE TRIGGER issues_search_'));
}

/**
 * What the index costs a bulk write: 10,000 issues inserted in one transaction and indexed as a batch
 * indexes the rows it wrote (indexBatch, from their audit records); the same with 0005's per-row
 * triggers instead; and the same rows without any index (the floor); alternated.
 */
function writeCost(): BenchLine[] {
  const ROWS_W = 10_000;
  const runs = 7;
  const withIndex: number[] = [];
  const without: number[] = [];
  const triggered: number[] = [];
  // CPU time too: on a machine shared with other work the wall time mostly measures waiting for a core.
  const cpu = { batch: [] as number[], none: [] as number[], triggers: [] as number[] };
  const former = formerTriggers();
  for (let i = 0; i < runs; i++)
    for (const way of ['batch', 'none', 'triggers'] as const) {
      const indexed = way === 'batch';
      const ws = tempWorkspace();
      try {
        const db = ws.db.sqlite;
        if (way === 'triggers') for (const t of former) db.exec(t);
        const p = Number(db.prepare("INSERT INTO projects (name) VALUES ('w')").run().lastInsertRowid);
        const ins = db.prepare('INSERT INTO issues (project_id, ref, title, detail, owner) VALUES (?, ?, ?, ?, ?)');
        const t0 = performance.now();
        const c0 = process.cpuUsage();
        db.transaction(() => {
          const touched = new SearchTouches();
          for (let k = 0; k < ROWS_W; k++) {
            const id = Number(ins.run(p, `I-${k}`, `課題の確認 ${k}`, `仕様の未解決課題について顧客と調整する。担当 ${k % 7}`, '山田').lastInsertRowid);
            touched.note('issue', id, 'create');
          }
          if (indexed) indexBatch(ws.db, touched);
        })();
        (way === 'batch' ? withIndex : way === 'none' ? without : triggered).push(performance.now() - t0);
        const c = process.cpuUsage(c0);
        cpu[way].push((c.user + c.system) / 1000);
      } finally {
        ws.close();
      }
    }
  const a = stats(withIndex);
  const b = stats(without);
  const c = stats(triggered);
  const [ca, cb, cc] = [stats(cpu.batch), stats(cpu.none), stats(cpu.triggers)];
  return [
    { what: `insert ${ROWS_W.toLocaleString('en-US')} issues, one transaction, indexed for search by the batch`, n: a.n, p50: a.p50, p95: a.p95, target: '' },
    { what: '  └ CPU time of the same', n: ca.n, p50: ca.p50, p95: ca.p95, target: '' },
    { what: '  the same indexed by 0005’s per-row triggers (before)', n: c.n, p50: c.p50, p95: c.p95, target: '' },
    { what: '  └ CPU time of the same', n: cc.n, p50: cc.p50, p95: cc.p95, target: '' },
    { what: 'peer: the same not indexed', n: b.n, p50: b.p50, p95: b.p95, target: 'floor' },
    { what: '  └ CPU time of the same', n: cb.n, p50: cb.p50, p95: cb.p95, target: 'floor' },
  ];
}

export async function benchSearch(log: (line: string) => void = console.log): Promise<BenchLine[]> {
  const ws = tempWorkspace();
  const lines: BenchLine[] = [];
  try {
    const { db, handlers } = ws;
    const r = prng(12);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
    const phrase = () => `${pick(NOUNS)}の${pick(MODS)}`;
    const sentence = () => `${phrase()}について${pick(PEOPLE)}さんが${phrase()}を確認する。${pick(NOUNS)}${pick(MODS)}の件は${pick(NOUNS)}担当と調整。`;
    const projects: number[] = [];
    for (let p = 0; p < PROJECTS; p++) projects.push((await call<{ id: number }>(handlers, 'project.create', { name: `案件${p + 1}` })).id);
    const per = ROWS / PROJECTS;
    const t0 = performance.now();
    db.sqlite.transaction(() => {
      const issue = db.sqlite.prepare('INSERT INTO issues (project_id, ref, title, detail, owner, resolution) VALUES (?, ?, ?, ?, ?, ?)');
      const risk = db.sqlite.prepare('INSERT INTO risks (project_id, ref, title, description, owner, response_plan) VALUES (?, ?, ?, ?, ?, ?)');
      const change = db.sqlite.prepare('INSERT INTO changes (project_id, ref, title, description, reason) VALUES (?, ?, ?, ?, ?)');
      const task = db.sqlite.prepare('INSERT INTO wbs_tasks (project_id, position, name, assignee, notes) VALUES (?, ?, ?, ?, ?)');
      const meeting = db.sqlite.prepare('INSERT INTO meetings (project_id, title, purpose, body) VALUES (?, ?, ?, ?)');
      for (const p of projects)
        for (let i = 0; i < per; i++) {
          const k = i % 10;
          if (k < 4) issue.run(p, `I-${i}`, phrase(), sentence(), pick(PEOPLE), sentence());
          else if (k < 6) risk.run(p, `R-${i}`, phrase(), sentence(), pick(PEOPLE), sentence());
          else if (k < 7) change.run(p, `C-${i}`, phrase(), sentence(), sentence());
          else if (k < 9) task.run(p, i, phrase(), pick(PEOPLE), sentence());
          else meeting.run(p, `第${i}回 ${pick(NOUNS)}定例`, sentence(), JSON.stringify({ agenda: [{ title: phrase(), notes: sentence() }], decisions: [{ text: sentence(), agendaIndex: 0 }] }));
        }
      // A few rows with rare words: what a user looks for most of the time.
      issue.run(projects[3], 'I-RARE', '未解決課題: 帳票の改ページ位置', '月末締めの請求書で改ページがずれる', '田中', '');
    })();
    const t1 = performance.now();
    db.sqlite.transaction(() => reindex(db))();
    const indexed = db.sqlite.prepare('SELECT count(*) FROM search_text').pluck().get() as number;
    log(
      `search: ${indexed.toLocaleString('en-US')} rows inserted in ${((t1 - t0) / 1000).toFixed(1)} s, indexed in ${((performance.now() - t1) / 1000).toFixed(1)} s (as at the first open); load ${os.loadavg()[0]!.toFixed(2)}`,
    );

    const q = (text: string) => () => call<unknown[]>(handlers, 'search.query', { text });
    // The peer: one row by primary key through the same statement cache, no API around it.
    const byId = db.prepare('SELECT * FROM issues WHERE id = ?');
    const peer = await repeat(QUERIES, (i) => byId.get(1 + ((i * 7919) % ROWS)));
    const cases: [string, string][] = [
      ['search 改ページ (3+ chars, rare, trigram index)', '改ページ'],
      ['search 未解決 (3+ chars, in ~1/10 of phrases)', '未解決'],
      ['search 課題の未解決 (3+ chars, common)', '課題の未解決'],
      ['search 課題 (2 chars, common: pieces index)', '課題'],
      ['search 請求 (2 chars, one row: pieces index)', '請求'],
      ['search 帳票 改ページ (3+ and 2 chars)', '帳票 改ページ'],
      ['search 山田 確認 (two 2-char words: pieces index)', '山田 確認'],
      ['search 請 (1 char, one row: prefix of pieces)', '請'],
      ['search 課 (1 char, common: prefix of pieces)', '課'],
      ['search 1.2 (a WBS code)', '1.2'],
    ];
    for (const [what, text] of cases) {
      await q(text)(); // warm the statement cache and the page cache
      // Wall time, and the CPU time the same calls took: on a machine shared with other work (load far
      // above its cores) the wall time mostly measures waiting for a core, the CPU time what one costs.
      const cpu: number[] = [];
      const s = await repeat(QUERIES, async () => {
        const c0 = process.cpuUsage();
        await q(text)();
        const c = process.cpuUsage(c0);
        cpu.push((c.user + c.system) / 1000);
      });
      const c = stats(cpu);
      lines.push({ what: `${what}, ${ROWS.toLocaleString('en-US')} rows`, n: s.n, p50: s.p50, p95: s.p95, target: '≤ 50 ms' });
      lines.push({ what: '  └ CPU time of the same calls', n: c.n, p50: c.p50, p95: c.p95, target: '' });
    }
    lines.push({ what: 'peer: SELECT one issue by id (same file)', n: peer.n, p50: peer.p50, p95: peer.p95, target: 'floor' });
    // What the index costs a write: one title edit through the API, indexed by its batch.
    const someIssue = db.prepare("SELECT id FROM issues WHERE ref = 'I-RARE'").pluck().get() as number;
    const edit = await repeat(QUERIES, (i) => call(handlers, 'issue.update', { id: someIssue, patch: { title: `未解決課題: 帳票の改ページ位置 ${i}` } }));
    lines.push({ what: 'issue.update of a title (index kept in step)', n: edit.n, p50: edit.p50, p95: edit.p95, target: '' });
    lines.push(...writeCost());
    log(`search: load after ${os.loadavg()[0]!.toFixed(2)}`);
  } finally {
    ws.close();
  }
  return lines;
}
