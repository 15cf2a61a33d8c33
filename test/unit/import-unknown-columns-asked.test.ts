// A column whose header word the product does not know, whose cells fit a field no column fills, is offered
// that field and asked about, not kept as the client's own silently (issue 11; blind set 19, I3: CAB Outcome,
// 進ちょく率, 記事, 整理記号 and Next Review were kept or only offered while the decision, the progress, the
// notes, the IDs and the due lay empty). Generated: registers, languages, invented header words, the column
// at several places, several value sets — and the look-alikes that must stay unasked (counts are no progress).
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../electron/core/excel/import/read-table.js';
import { columnFits } from '../../electron/core/excel/import/doubts.js';
import { defaultVocabularies } from '../../electron/core/excel/import/detect.js';
import type { ImportTarget } from '../../electron/common/excel/fields.js';
import { model, sheet, type ModelCell } from '../fixtures/excel/model.js';
import type { SheetModel } from '../../electron/common/excel/model.js';
import { prng } from '../fixtures/excel/hostile.js';

type Lang = 'ja' | 'en';
const SYLLABLES: Record<Lang, string[]> = { ja: ['ソ', 'モ', 'リ', 'カ', 'ナ', 'ト', 'ヌ', 'ホ', 'ミ', 'ラ'], en: ['ta', 'lo', 'mu', 'vi', 'ka', 'zo', 'ne', 'pu', 'ri', 'sa'] };
const d = (k: number) => new Date(Date.UTC(2026, 3, 2 + k * 3));

interface Made {
  target: ImportTarget;
  lang: Lang;
  head: string;
  column: string;
  model: ReturnType<typeof model>;
}

function rng(seed: number) {
  const r = prng(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const lang: Lang = r() < 0.5 ? 'ja' : 'en';
  const invent = () => {
    const w = Array.from({ length: 3 + Math.floor(r() * 2) }, () => pick(SYLLABLES[lang])).join('');
    return lang === 'en' ? w[0]!.toUpperCase() + w.slice(1) : w;
  };
  return { r, pick, lang, invent };
}

/** A table of known columns with one more (`head` over `values`) inserted at `at`, and an optional list validation on it. */
function table(target: ImportTarget, lang: Lang, base: string[], known: (i: number) => ModelCell[], head: string, values: ModelCell[], at: number, list: string[] | null = null): Made {
  const header = [...base.slice(0, at), head, ...base.slice(at)];
  const rows = values.map((v, i) => {
    const k = known(i);
    return [...k.slice(0, at), v, ...k.slice(at)];
  });
  const col = String.fromCharCode(65 + at);
  const s: SheetModel = { ...sheet('Sheet1', [header, ...rows]), ...(list ? { lists: [{ sqref: `${col}2:${col}${rows.length + 20}`, formula: `"${list.join(',')}"` }] } : {}) };
  return { target, lang, head, column: col, model: model(s) };
}

function fitOf(c: Made) {
  const a = analyzeWorkbook(c.model, c.target, { today: '2026-06-15' });
  if (!a.ok) throw new Error(a.reason);
  const m = a.table.columns.find((x) => x.column === c.column)!;
  const fits = columnFits(c.target, c.model, a.table, { vocab: defaultVocabularies(), today: '2026-06-15' });
  return { field: m.field, fit: fits.find((f) => f.column === c.column) };
}
const at = (c: Made) => `${c.target} ${c.lang} "${c.head}"`;

const CHANGES: Record<Lang, string[]> = {
  ja: ['帳票レイアウト変更', '承認経路の追加', '口座振替の締日変更', '外字対応の追加', 'バッチ時間帯の変更', '権限区分の見直し', '旧画面の廃止'],
  en: ['Change report layout', 'Add approval step', 'Move billing cutoff', 'Add character set', 'Shift batch window', 'Revise access roles', 'Retire legacy screens'],
};

describe('a board’s outcome under a header of its own, in a change register', () => {
  // A yes, a no and a wait, each in words of a board's minutes, never the list's own labels.
  const YES: Record<Lang, string[]> = { ja: ['許可', '承認済', '認可'], en: ['Authorised', 'Granted', 'Sanctioned', 'Approved'] };
  const NO: Record<Lang, string[]> = { ja: ['否決', '不承認', '不許可'], en: ['Declined', 'Denied', 'Refused', 'Disapproved'] };
  const WAIT: Record<Lang, string[]> = { ja: ['延期', '保留', '継続審議'], en: ['Postponed', 'Deferred', 'Parked', 'On hold'] };
  const cases = Array.from({ length: 16 }, (_, k) => {
    const { r, pick, lang, invent } = rng(k * 7717 + 5);
    const words = [pick(YES[lang]), pick(NO[lang]), pick(WAIT[lang])];
    const n = 5 + Math.floor(r() * 3);
    const values = Array.from({ length: n }, (_, i) => words[(i + k) % 3]!);
    const base = lang === 'ja' ? ['No.', '変更内容', '依頼者', '依頼日', '実施状況'] : ['Ref', 'Change', 'Requested By', 'Requested', 'Work State'];
    const known = (i: number): ModelCell[] => [i + 1, CHANGES[lang][i]!, lang === 'ja' ? '佐藤' : 'Kelly', d(i), lang === 'ja' ? '未着手' : 'Scheduled'];
    const head = `${invent()}${lang === 'ja' ? '' : ' ' + invent()}`;
    return table('change', lang, base, known, head, values, 2 + Math.floor(r() * 3), r() < 0.6 ? words : null);
  });
  it.each(cases.map((c) => [at(c), c]))('%s: offered the decision first and asked', (_n, c) => {
    const got = fitOf(c as Made);
    if (got.field !== null) return expect(got.field, at(c as Made)).toBe('decision');
    expect(got.fit?.fields[0], at(c as Made)).toBe('decision');
    expect(got.fit!.ask, at(c as Made)).toBe(true);
  });
});

const TASKS: Record<Lang, string[]> = {
  ja: ['現地調査', '基本設計', '詳細設計', '機器製作', '据付工事', '試運転', '完成検査', '引渡し'],
  en: ['Site survey', 'Outline design', 'Detail design', 'Fabrication', 'Installation', 'Commissioning', 'Final inspection', 'Handover'],
};
const WBS_BASE: Record<Lang, string[]> = { ja: ['No.', '作業名', '担当', '開始日', '終了日'], en: ['No.', 'Task', 'Owner', 'Start', 'Finish'] };
const wbsKnown = (lang: Lang) => (i: number): ModelCell[] => [i + 1, TASKS[lang][i]!, lang === 'ja' ? '佐藤' : 'Kelly', d(i), d(i + 4)];

describe('whole percents done under a header of no known word, in a plan', () => {
  const cases = Array.from({ length: 16 }, (_, k) => {
    const { r, pick, lang, invent } = rng(k * 3251 + 9);
    const n = 5 + Math.floor(r() * 3);
    // Done tasks first, then some under way, the rest not begun: steps of 5 or 10.
    const step = pick([5, 10, 25]);
    const values = Array.from({ length: n }, (_, i) => (i < 2 ? 100 : i === n - 1 ? 0 : Math.min(95, step * (1 + Math.floor(r() * (90 / step))))));
    return table('wbs', lang, WBS_BASE[lang], wbsKnown(lang), invent(), values, 2 + Math.floor(r() * 4));
  });
  it.each(cases.map((c) => [at(c), c]))('%s: offered the progress first and asked', (_n, c) => {
    const got = fitOf(c as Made);
    if (got.field !== null) return expect(got.field, at(c as Made)).toBe('progress');
    expect(got.fit?.fields[0], at(c as Made)).toBe('progress');
    expect(got.fit!.ask, at(c as Made)).toBe(true);
  });

  // Counts and amounts keep to no steps of five, or have no end of the scale: not asked as the progress.
  const counts = Array.from({ length: 10 }, (_, k) => {
    const { r, lang, invent } = rng(k * 911 + 17);
    const n = 5 + Math.floor(r() * 3);
    const values = Array.from({ length: n }, () => 1 + Math.floor(r() * 60));
    return table('wbs', lang, WBS_BASE[lang], wbsKnown(lang), invent(), values, 2 + Math.floor(r() * 4));
  });
  it.each(counts.map((c) => [at(c), c]))('%s: counts are not asked as the progress', (_n, c) => {
    const got = fitOf(c as Made);
    expect(got.field, at(c as Made)).not.toBe('progress');
    expect(!!got.fit?.ask && got.fit.fields[0] === 'progress', at(c as Made)).toBe(false);
  });
});

describe('long texts under a header of no known word, in a plan whose notes are free', () => {
  const TEXTS: Record<Lang, string[]> = {
    ja: ['既設機の撤去は夜間に行い、翌朝までに仮復旧する', '部材の搬入経路は港湾局と協議のうえ決定する', '試運転前に関係者立会いで安全確認を実施する', '据付後の精度測定結果を監督員に報告する', '予備品の数量は保守契約の見直しに合わせて確定', '完成図書は引渡しの二週間前までに提出する', '天候不良時は作業日程を翌週に繰り下げる', '撤去材の処分は元請が手配し報告書を作成する'],
    en: ['Remove the old unit at night and restore service by the morning', 'Agree the delivery route with the harbour authority first', 'Hold a joint safety walk before the first trial run', 'Report the alignment survey results to the supervisor', 'Fix the spare parts list with the maintenance contract', 'Submit the as-built documents two weeks before handover', 'Move the work to the next week when the weather is bad', 'The main contractor arranges disposal and writes the report'],
  };
  const cases = Array.from({ length: 12 }, (_, k) => {
    const { r, lang, invent } = rng(k * 5003 + 1);
    const n = 5 + Math.floor(r() * 3);
    const from = Math.floor(r() * 4);
    const values = Array.from({ length: n }, (_, i) => TEXTS[lang][(from + i) % TEXTS[lang].length]!);
    return table('wbs', lang, WBS_BASE[lang], wbsKnown(lang), invent(), values, 5);
  });
  it.each(cases.map((c) => [at(c), c]))('%s: offered the notes and asked', (_n, c) => {
    const got = fitOf(c as Made);
    if (got.field !== null) return expect(got.field, at(c as Made)).toBe('notes');
    expect(got.fit?.fields, at(c as Made)).toContain('notes');
    expect(got.fit!.ask, at(c as Made)).toBe(true);
  });
});

describe('IDs of one scheme in the first column, under a header of no known word', () => {
  const SCHEMES = [(i: number) => `BR-${String(i + 1).padStart(2, '0')}`, (i: number) => `QX-2026-${String(i + 31).padStart(3, '0')}`, (i: number) => `RK${String(i + 101)}`, (i: number) => `TN-${String(i + 7).padStart(3, '0')}`];
  const RISKS: Record<Lang, string[]> = {
    ja: ['ボイラー停止の長期化', '部材納期の遅延', '試運転時の蒸気漏れ', '作業員の不足', '仮設電源の容量不足', '近隣への騒音', '排水基準の超過'],
    en: ['Boiler outage runs long', 'Steel delivery slips', 'Steam leak at first firing', 'Short of fitters', 'Temporary power too small', 'Noise complaints nearby', 'Discharge limit exceeded'],
  };
  const cases = Array.from({ length: 12 }, (_, k) => {
    const { r, pick, lang, invent } = rng(k * 2749 + 3);
    const n = 4 + Math.floor(r() * 4);
    const scheme = pick(SCHEMES);
    const values = Array.from({ length: n }, (_, i) => scheme(i));
    const base = lang === 'ja' ? ['リスク', '担当', '起票日', '状態'] : ['Risk', 'Owner', 'Raised', 'Status'];
    const known = (i: number): ModelCell[] => [RISKS[lang][i]!, lang === 'ja' ? '田中' : 'Byrne', d(i), lang === 'ja' ? '対応中' : 'Open'];
    return table('risk', lang, base, known, invent(), values, 0);
  });
  it.each(cases.map((c) => [at(c), c]))('%s: offered the ID and asked', (_n, c) => {
    const got = fitOf(c as Made);
    if (got.field !== null) return expect(got.field, at(c as Made)).toBe('ref');
    expect(got.fit?.fields, at(c as Made)).toEqual(['ref']);
    expect(got.fit!.ask, at(c as Made)).toBe(true);
  });
});

describe('the date of the next review, in a register whose due no column fills', () => {
  const HEADS: Record<Lang, string[]> = { ja: ['次回見直し日', '次回レビュー', '見直し予定日', '次回確認日'], en: ['Next Review', 'Review Due', 'Next review date', 'Planned Review'] };
  const TITLES: Record<Lang, string[]> = {
    ja: ['系統連系の協議遅延', '送電線工事の許認可', '風況データの欠測', '輸送路の道路規制', '基礎工事の地耐力不足', '部品調達の為替影響', '近隣説明の未了'],
    en: ['Grid offer delayed', 'Line works consent', 'Wind data gaps', 'Road closure on the haul route', 'Weak ground at a base', 'Exchange rate on turbines', 'Community briefing not held'],
  };
  const cases = Array.from({ length: 12 }, (_, k) => {
    const { r, pick, lang } = rng(k * 1999 + 13);
    const target: ImportTarget = k % 2 === 0 ? 'risk' : 'issue';
    const n = 4 + Math.floor(r() * 4);
    const base = lang === 'ja' ? ['No.', target === 'risk' ? 'リスク' : '課題', '担当', '状態'] : ['Ref', target === 'risk' ? 'Risk' : 'Issue', 'Owner', 'Status'];
    const known = (i: number): ModelCell[] => [i + 1, TITLES[lang][i]!, lang === 'ja' ? '田中' : 'Byrne', lang === 'ja' ? '対応中' : 'Open'];
    const values = Array.from({ length: n }, (_, i) => new Date(Date.UTC(2026, 6, 1 + i * 7)));
    return table(target, lang, base, known, pick(HEADS[lang]), values, 2 + Math.floor(r() * 3));
  });
  it.each(cases.map((c) => [at(c), c]))('%s: offered the due and asked', (_n, c) => {
    const got = fitOf(c as Made);
    if (got.field !== null) return expect(got.field, at(c as Made)).toBe('due');
    expect(got.fit?.fields, at(c as Made)).toEqual(['due']);
    expect(got.fit!.ask, at(c as Made)).toBe(true);
  });
});

describe('short phrases some records share, under a header of no known word, in a risk register', () => {
  // What to do if it happens, written once and reused over the risks: phrases, not labels.
  const PHRASES: Record<Lang, string[]> = {
    ja: ['予備機に切替えて運転', '応援班を現地に派遣', '仮設配管で送水を継続', '手動で弁を閉止', '協力会社に増員を要請', '代替品を緊急で手配'],
    en: ['Switch to the standby pump', 'Send the backup crew to site', 'Run on the temporary supply', 'Close the valve by hand', 'Ask the contractor for more fitters'],
  };
  const RISKS: Record<Lang, string[]> = {
    ja: ['送水ポンプの故障', '配管の漏水', '作業員の不足', '資材の納期遅延', '停電による停止', '弁の固着', '計装の誤動作'],
    en: ['Feed pump fails', 'Pipe leak', 'Short of fitters', 'Material arrives late', 'Power cut stops work', 'Valve sticks', 'Instrument misreads'],
  };
  const cases = Array.from({ length: 12 }, (_, k) => {
    const { r, lang, invent } = rng(k * 4441 + 29);
    const n = 5 + Math.floor(r() * 3);
    const set = PHRASES[lang].slice(0, 2 + Math.floor(r() * 2));
    const values = Array.from({ length: n }, (_, i) => set[(i + k) % set.length]!);
    const base = lang === 'ja' ? ['No.', 'リスク', '担当', '起票日', '状態'] : ['Ref', 'Risk', 'Owner', 'Raised', 'Status'];
    const known = (i: number): ModelCell[] => [i + 1, RISKS[lang][i]!, lang === 'ja' ? '田中' : 'Byrne', d(i), lang === 'ja' ? '対応中' : 'Open'];
    return table('risk', lang, base, known, invent(), values, 2 + Math.floor(r() * 4));
  });
  // Phrases that name a crew (保全班を待機: no party's name for all its 班) or a figure after the particle (工期を3日延長).
  const CREW_JA = ['保全班を待機', '夜勤班で監視を継続', '溶接班を増員'];
  const FIGURE_JA = ['工期を3日延長（所長承認）', '出力を50%に制限', '点検を2回に増加'];
  const mixed = Array.from({ length: 6 }, (_, k) => {
    const { r, invent } = rng(k * 6007 + 41);
    const set = [CREW_JA[k % 3]!, FIGURE_JA[(k + 1) % 3]!, PHRASES.ja[k % PHRASES.ja.length]!];
    const values = Array.from({ length: 7 }, (_, i) => set[i % 3]!);
    const known = (i: number): ModelCell[] => [i + 1, RISKS.ja[i]!, '田中', d(i), '対応中'];
    return table('risk', 'ja', ['No.', 'リスク', '担当', '起票日', '状態'], known, invent(), values, 2 + Math.floor(r() * 4));
  });
  it.each([...cases, ...mixed].map((c) => [at(c), c]))('%s: offered the long texts and asked', (_n, c) => {
    const got = fitOf(c as Made);
    if (got.field !== null) return expect(['contingency', 'response', 'trigger', 'description', 'notes'], at(c as Made)).toContain(got.field);
    expect(got.fit?.kind, at(c as Made)).toBe('long');
    expect(got.fit!.fields, at(c as Made)).toContain('contingency');
    expect(got.fit!.ask, at(c as Made)).toBe(true);
  });
});
