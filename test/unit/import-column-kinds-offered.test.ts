// A column kept as the client's own whose cells say what field it is, beside a register's known columns (blind
// set 18, I1): a column of departments, companies or crews (品質保証部, 東和建設(株), Civil Crew 2) is offered the
// register's person fields, never a label's (category, phase), and asked where its header names no role the
// product knows — offered only where the header names just what the cells are (所属, Department) —; a column of
// dates under a header that holds a text field's word (対策完了予定, Response Agreed) is a date by its cells, never
// that text field; a column of levels (H / M / L, 高 / 中 / 低, A / B / C) under an unknown header is offered the
// register's graded lists (priority, severity, a finding's grade), never the area; sentences, some shared by two
// records, are offered the register's long-text fields. Generated: registers,
// languages, invented header words, the column at several places, several value sets.
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../electron/core/excel/import/read-table.js';
import { columnFits } from '../../electron/core/excel/import/doubts.js';
import { defaultVocabularies } from '../../electron/core/excel/import/detect.js';
import { fieldSpec, type ImportTarget } from '../../electron/common/excel/fields.js';
import { model, sheet, type ModelCell } from '../fixtures/excel/model.js';
import { prng } from '../fixtures/excel/hostile.js';

type Lang = 'ja' | 'en';
interface Register {
  target: ImportTarget;
  head: Record<Lang, string[]>;
  status: Record<Lang, string>;
  /** The register's graded list fields (free in the generated table). */
  graded: string[];
  /** Text fields whose words a header may hold beside a date's. */
  textWords: Record<Lang, string[]>;
}
const REGISTERS: Register[] = [
  { target: 'issue', head: { ja: ['No.', '課題', '起票日', '状態'], en: ['Ref', 'Issue', 'Raised', 'Status'] }, status: { ja: '対応中', en: 'In progress' }, graded: ['priority'], textWords: { ja: ['対応策', '処置', '解決策'], en: ['Resolution', 'Action', 'Response'] } },
  { target: 'risk', head: { ja: ['No.', 'リスク', '起票日', '状態'], en: ['Ref', 'Risk', 'Raised', 'Status'] }, status: { ja: '対応中', en: 'Open' }, graded: [], textWords: { ja: ['対応策', '対策', '軽減策'], en: ['Response', 'Mitigation', 'Action'] } },
  { target: 'finding', head: { ja: ['No.', '指摘事項', '指摘日', '状態'], en: ['Ref', 'Finding', 'Raised', 'Status'] }, status: { ja: '是正中', en: 'Open' }, graded: ['severity'], textWords: { ja: ['是正処置', '是正内容', '処置'], en: ['Corrective Action', 'Response', 'Action'] } },
  { target: 'defect', head: { ja: ['No.', '不具合内容', '発見日', '状態'], en: ['Ref', 'Defect', 'Found', 'Status'] }, status: { ja: '対応中', en: 'Open' }, graded: ['severity', 'priority'], textWords: { ja: ['修正内容', '対応策', '原因'], en: ['Resolution', 'Fix', 'Root Cause'] } },
];

const TITLES: Record<Lang, string[]> = {
  ja: ['搬送ラインの停止時間が想定より長い', '検査工程の人員が夜間に不足している', '資材の納入が供給元の事情で遅れている', '試運転の日程が関係者間で未確定である', '外注先との契約条件がまだ合意に至らない', '旧システムのデータ移行手順が決まっていない', '現地説明会の会場手配が間に合わない'],
  en: ['Conveyor downtime exceeds the plan', 'Inspection staff short on the night shift', 'Material delivery delayed by the supplier', 'Commissioning dates not confirmed by all parties', 'Subcontract terms still not agreed', 'Legacy data migration steps undecided', 'Venue for the site briefing not booked in time'],
};
// Parties: departments, sections, companies, crews, posts — no one's name (or a name behind a shared section).
const PARTIES: Record<Lang, string[][]> = {
  ja: [['品質保証部', '情報システム課', '経営企画室', '生産技術部'], ['東和建設(株)', '北斗設計', '株式会社ミナト電機', '西海工業'], ['東京支店', '大阪支店', '本社総務部', '名古屋営業所'], ['設備保全グループ', '調達センター', '安全衛生委員会', '施工管理課'], ['品質管理責任者', '設計主任', '工事課長', '元請 現場代理人'], ['整形外科', '検査部', 'QA 片岡', 'QA 早瀬']],
  en: [['Civil Crew 2', 'Network Ops', 'Harbour Works Ltd', 'Procurement Team'], ['Northgate Engineering Inc', 'Bay Contractors', 'Facilities Department', 'IT Services'], ['Field Crew A', 'Design Unit', 'Kestrel Consulting', 'Finance Office'], ['Commercial Lead', 'Site Safety Manager', 'Network Engineer', 'Programme Director']],
};
const SYLLABLES: Record<Lang, string[]> = { ja: ['ソ', 'モ', 'リ', 'カ', 'ナ', 'ト', 'ヌ', 'ホ', 'ミ', 'ラ'], en: ['ta', 'lo', 'mu', 'vi', 'ka', 'zo', 'ne', 'pu', 'ri', 'sa'] };
const LEVELS: Record<Lang, string[][]> = { ja: [['高', '中', '低'], ['大', '中', '小'], ['H', 'M', 'L']], en: [['H', 'M', 'L'], ['High', 'Medium', 'Low']] };
const DATE_TAILS: Record<Lang, string[]> = { ja: ['完了予定', '確定日', '実施予定日', '完了見込', '合意日'], en: ['Agreed', 'Target', 'Date', 'Completed', 'Due'] };
// Sentences of what to do, some of them shared by two records.
const SENTENCES: Record<Lang, string[]> = {
  ja: ['夜間の搬送を一部止めて予備機に切り替える', '応援要員を二名手配し手順書を改訂する', '代替品の見積を取り納入日程を再調整する', '関係部署と日程会議を開き暫定日程を決める', '法務と条件を詰め来月までに合意を目指す'],
  en: ['Switch the night transfer to the standby unit', 'Bring in two extra inspectors and revise the procedure', 'Quote an alternative part and reschedule delivery', 'Hold a scheduling meeting and fix interim dates', 'Work through the terms with legal before month end'],
};
const BARE: Record<Lang, string[]> = { ja: ['所属', '部署', '会社名'], en: ['Department', 'Company', 'Affiliation'] };

type Kind = 'party' | 'bareParty' | 'dateText' | 'levels' | 'sentences';

function makeCase(seed: number, kind: Kind) {
  const r = prng(seed * 104729 + kind.length);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const regs = kind === 'levels' ? REGISTERS.filter((x) => x.graded.length > 0) : REGISTERS;
  const reg = pick(regs);
  const lang: Lang = r() < 0.5 ? 'ja' : 'en';
  const invent = () => {
    const w = Array.from({ length: 3 + Math.floor(r() * 2) }, () => pick(SYLLABLES[lang])).join('');
    return lang === 'en' ? w[0]!.toUpperCase() + w.slice(1) : w;
  };
  const n = 4 + Math.floor(r() * 4);
  let head: string;
  let values: ModelCell[];
  if (kind === 'party' || kind === 'bareParty') {
    head = kind === 'party' ? invent() : pick(BARE[lang]);
    const set = pick(PARTIES[lang]);
    const from = Math.floor(r() * set.length);
    values = Array.from({ length: n }, (_, i) => set[(from + i * (1 + Math.floor(r() * 2))) % set.length]!);
  } else if (kind === 'dateText') {
    const word = pick(reg.textWords[lang]);
    head = lang === 'ja' ? `${word}${pick(DATE_TAILS.ja)}` : `${word} ${pick(DATE_TAILS.en)}`;
    values = Array.from({ length: n }, (_, i) => new Date(Date.UTC(2026, 5, 3 + 4 * i)));
  } else if (kind === 'sentences') {
    head = invent();
    // (Three or four different sentences over the records, so that some share one.)
    const set = SENTENCES[lang].slice(0, Math.min(3 + Math.floor(r() * 2), n - 1));
    const from = Math.floor(r() * set.length);
    values = Array.from({ length: n }, (_, i) => set[(from + i) % set.length]!);
  } else {
    head = invent();
    const set = pick(LEVELS[lang]);
    // (Every level used, in a shuffled order: one level alone is no scale.)
    const from = Math.floor(r() * set.length);
    values = Array.from({ length: n }, (_, i) => set[(from + i * (r() < 0.5 ? 1 : 2)) % set.length]!);
  }
  // The column at the end, or between the known ones (after the title or after the date).
  const at = 2 + Math.floor(r() * 3);
  const base = reg.head[lang];
  const header = [...base.slice(0, at), head, ...base.slice(at)];
  const rows = Array.from({ length: n }, (_, i) => {
    const known: ModelCell[] = [i + 1, TITLES[lang][i]!, new Date(Date.UTC(2026, 3, 2 + i)), reg.status[lang]];
    return [...known.slice(0, at), values[i], ...known.slice(at)];
  });
  return { reg, lang, head, column: String.fromCharCode(65 + at), model: model(sheet('Sheet1', [header, ...rows])) };
}

function read(c: ReturnType<typeof makeCase>) {
  const a = analyzeWorkbook(c.model, c.reg.target, { today: '2026-06-15' });
  if (!a.ok) throw new Error(a.reason);
  const m = a.table.columns.find((x) => x.column === c.column)!;
  const fits = columnFits(c.reg.target, c.model, a.table, { vocab: defaultVocabularies(), today: '2026-06-15' });
  return { field: m.field, fit: fits.find((f) => f.column === c.column) };
}

const seeds = (kind: Kind, count: number) => Array.from({ length: count }, (_, i) => [`${kind} ${i + 1}`, makeCase(i + 1, kind)] as const);
const at = (c: ReturnType<typeof makeCase>) => `${c.reg.target} ${c.lang} "${c.head}"`;
const kindOf = (c: ReturnType<typeof makeCase>, field: string) => fieldSpec(c.reg.target, field)?.kind;
const PERSON_FIELDS = /^(?:owner|assignee|\w+By)$/;

describe('departments, companies and crews beside a register’s columns', () => {
  it.each(seeds('party', 16))('%s: offered the person fields and asked, under a header of no known role', (_n, c) => {
    const got = read(c);
    expect(got.field, at(c)).toBeNull();
    expect(got.fit?.kind, at(c)).toBe('person');
    expect(got.fit!.fields.length, at(c)).toBeGreaterThan(0);
    expect(got.fit!.fields.every((f) => PERSON_FIELDS.test(f)), at(c)).toBe(true);
    expect(got.fit!.ask, at(c)).toBe(true);
  });
  it.each(seeds('bareParty', 8))('%s: under a header naming only what they are, offered, not asked', (_n, c) => {
    const got = read(c);
    if (got.field !== null) return expect(PERSON_FIELDS.test(got.field), at(c)).toBe(true);
    expect(got.fit?.kind, at(c)).toBe('person');
    expect(got.fit!.ask, at(c)).toBe(false);
  });
});

describe('a date column under a header holding a text field’s word', () => {
  it.each(seeds('dateText', 20))('%s: a date by its cells, never the text field', (_n, c) => {
    const got = read(c);
    if (got.field !== null) return expect(kindOf(c, got.field), `${at(c)} → ${got.field}`).toBe('date');
    expect(got.fit?.kind, at(c)).toBe('date');
    expect(got.fit!.ask, at(c)).toBe(true);
  });
});

describe('levels under an unknown header', () => {
  it.each(seeds('levels', 16))('%s: offered the register’s graded lists and asked, never a label’s field', (_n, c) => {
    const got = read(c);
    if (got.field !== null) return expect(c.reg.graded, `${at(c)} → ${got.field}`).toContain(got.field);
    expect(got.fit, at(c)).toBeDefined();
    expect(got.fit!.fields.filter((f) => c.reg.graded.includes(f)).length, at(c)).toBeGreaterThan(0);
    expect(got.fit!.fields.some((f) => ['area', 'category', 'phase', 'target', 'tags'].includes(f)), at(c)).toBe(false);
    expect(got.fit!.ask, at(c)).toBe(true);
  });
});

describe('sentences under an unknown header, some shared by two records', () => {
  it.each(seeds('sentences', 12))('%s: offered the register’s long-text fields, never a label’s', (_n, c) => {
    const got = read(c);
    if (got.field !== null) return expect(kindOf(c, got.field), `${at(c)} → ${got.field}`).toBe('text');
    expect(got.fit?.kind, at(c)).toBe('long');
    expect(got.fit!.fields.length, at(c)).toBeGreaterThan(0);
    expect(got.fit!.fields.some((f) => ['area', 'category', 'phase', 'target', 'tags'].includes(f)), at(c)).toBe(false);
  });
});

describe('addresses are no sentences', () => {
  it.each(seeds('sentences', 4))('%s: the same column of two links, repeated, is offered no long-text field', (_n, c) => {
    const rows = c.model.sheets[0]!.rows;
    const col = c.column.charCodeAt(0) - 65;
    const links = ['https://tracker.example.org/browse/OPS-', 'https://wiki.example.org/pages/'];
    for (const row of rows.slice(1)) {
      const cell = row.cells.find((x) => x.c === col);
      if (cell) cell.v = `${links[row.r % 2]}1`;
    }
    expect(read(c).fit?.kind, at(c)).not.toBe('long');
  });
});
