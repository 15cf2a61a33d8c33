// リスク管理表: risks with probability × impact, strategy and response plans.
import { z } from 'zod';
import { text } from '../api/schemas.js';
import { code, date, defineRegister, extra, h, item, rating, ref } from './descriptor.js';
import { CLOSED_ON, DUE, OWNER, RAISED_BY, RAISED_ON, REF, RESPONSE, STATUS } from './words.js';

export const riskFields = z.strictObject({
  ref,
  title: text(500),
  description: text(10000),
  category: code,
  probability: rating,
  impact: rating,
  strategy: code,
  owner: text(200),
  trigger: text(2000),
  responsePlan: text(10000),
  contingency: text(10000),
  status: code,
  raisedOn: date,
  raisedBy: text(200),
  due: date,
  closedOn: date,
  extra,
});

export const risk = defineRegister({
  name: 'risk',
  table: 'risks',
  view: 'risks',
  screen: h('リスク管理表', 'Risks'),
  exportTitle: h('リスク管理表', 'Risk Register'),
  refPrefix: 'R-',
  fields: riskFields,
  keyField: 'title',
  titleField: 'title',
  longTextField: 'description',
  ratingFields: ['probability', 'impact'],
  lists: {
    'risk.category': [
      item('technical', '技術', 'Technical'),
      item('schedule', 'スケジュール', 'Schedule'),
      item('cost', 'コスト', 'Cost'),
      item('quality', '品質', 'Quality'),
      item('scope', '要件・スコープ', 'Requirements / scope'),
      item('resource', '要員', 'Resources'),
      item('organization', '組織', 'Organization'),
      item('external', '外部', 'External'),
    ],
    'risk.status': [
      item('open', 'オープン', 'Open'),
      item('in_progress', '対応中', 'In progress'),
      item('monitoring', '監視中', 'Monitoring'),
      item('occurred', '顕在化', 'Occurred'),
      item('closed', 'クローズ', 'Closed', true),
    ],
    'risk.strategy': [
      item('avoid', '回避', 'Avoid'),
      item('mitigate', '軽減', 'Mitigate'),
      item('transfer', '転嫁', 'Transfer'),
      item('accept', '受容', 'Accept'),
    ],
  },
  vocab: {
    category: { list: 'risk.category', required: false },
    strategy: { list: 'risk.strategy', required: false },
    status: { list: 'risk.status', required: true },
  },
  closing: { status: 'status', closedOn: 'closedOn' },
  tracking: { status: 'status', due: 'due', owner: 'owner' },
  columns: {
    ref: h('ID', 'ID'),
    title: h('リスク', 'Risk'),
    category: h('分類', 'Category'),
    probability: h('発生確率', 'Probability'),
    impact: h('影響度', 'Impact'),
    score: h('スコア', 'Score'),
    level: h('レベル', 'Level'),
    strategy: h('対応方針', 'Strategy'),
    status: h('ステータス', 'Status'),
    owner: h('担当者', 'Owner'),
    due: h('期限', 'Due'),
    description: { ...h('内容', 'Description'), long: true },
    trigger: { ...h('トリガー', 'Trigger'), long: true },
    responsePlan: { ...h('対応策', 'Response plan'), long: true },
    contingency: { ...h('発生時の対応', 'Contingency'), long: true },
    raisedOn: h('起票日', 'Raised on'),
    raisedBy: h('起票者', 'Raised by'),
    closedOn: h('完了日', 'Closed on'),
  },
  derived: { score: 'number', level: 'text' },
  synonyms: {
  ref: [...REF, 'リスクid', 'リスク番号', 'リスクno', 'risk id', 'risk no', 'risk #', 'risk number'],
  title: ['リスク', 'リスク名', 'リスク項目', 'リスク事象', '件名', 'タイトル', '表題', ['リスク内容', 0.8], ['事象', 0.7], 'title', 'risk', 'risk title', 'risk name', 'possible risks', 'list of possible risks', 'identified risk', 'risk event', ['event', 0.6], ['name', 0.8], ['summary', 0.7],
    // The risk stated in one line: its summary, statement or item.
    'リスク事項', 'リスク事項名', 'リスク概要名', 'risk summary', 'risk statement', 'risk identified', 'risk item', 'risk headline', 'risk issue', ['topic', 0.9], ['subject', 0.9]],
  description: ['詳細', 'リスク詳細', '内容', '説明', '概要', 'リスクの内容', '詳細内容', 'description', 'risk description', 'detail', 'details', ['root cause', 0.8], ['原因', 0.7], ['要因', 0.7], ['cause', 0.6], ['causes', 0.6]],
  category: ['分類', 'カテゴリ', 'カテゴリー', '種別', '区分', 'リスク分類', 'リスク区分', 'リスク種別', 'category', 'risk category', 'risk categories', ['type', 0.9], ['risk type', 1], ['種類', 0.8], ['area', 0.8], ['class', 0.8],
    // What a risk breakdown structure (RBS) groups risks by: their domain, area or source.
    '分類名', 'カテゴリ名', 'リスク種類', 'リスクカテゴリ', 'リスクカテゴリー', 'リスク領域', '領域', '分野', 'リスク分野', '区分名', 'リスク区分名', 'リスクグループ', 'risk group', ['group', 0.7], 'category type', 'risk area', 'risk domain', ['domain', 0.9], 'risk class', 'classification', ['risk source', 0.9], ['source', 0.6]],
  probability: ['発生確率', '発生可能性', '発生頻度', '確率', '可能性', '発生度', '起こりやすさ', '発生率', 'probability', 'likelihood', 'probability rating', 'probability risk rating', 'likelihood rating', ['chance', 0.9],
    // A rating's own name before score/level/(P): the probability's number, not the risk's score.
    '発生の可能性', '発生する確率', '発生確度', '生起確率', '発生見込み', ['見込み', 0.8], 'probability score', 'likelihood score', 'probability level', 'likelihood level', 'probability of occurrence', 'likelihood of occurrence', 'occurrence',
    // Abbreviated where the columns are narrow (Prob (H/M/L), Prob., Likel.).
    'prob', 'prob.', 'probab.', ['likel.', 0.9], ['lklhd', 0.9]],
  score: ['スコア', 'リスクスコア', '評価点', '評価値', 'score', 'risk score', ['risk rating', 0.9]],
  // The risk's overall grade, whatever scale names it: tier, grade, 水準, 危険度 (how dangerous, overall).
  level: ['レベル', 'リスクレベル', '重要度レベル', 'リスク度', 'リスク水準', '水準', '危険度', '危険度レベル', 'リスクランク', 'リスク等級', '等級', 'level', 'risk level', 'risk tier', ['tier', 0.9], 'risk grade', ['grade', 0.9], 'severity level', 'overall rating', 'overall risk', 'overall risk level'],
  impact: ['影響度', '影響', '影響の大きさ', '影響度合い', ['重大度', 0.7], ['深刻度', 0.7], 'impact', 'impact rating', 'impact risk rating', ['severity', 0.7], ['consequence', 0.8]],
  strategy: ['対応方針', '対応戦略', '戦略', '対応区分', '対応方法', '対処方針', ['対策方針', 0.8], 'strategy', 'response strategy', 'response type', 'response approach', ['approach', 0.9], 'treatment',
    // How the risk is dealt with, named as a choice among avoid / transfer / mitigate / accept.
    '処理方針', '処置方針', 'リスク戦略', '対応方針区分', '対応種別', '対応タイプ', 'リスク対応戦略', 'response option', 'response options', 'treatment option', 'treatment strategy', 'risk response strategy', 'risk treatment', 'risk strategy', 'response category'],
  owner: [...OWNER, 'リスクオーナー', 'risk owner'],
  trigger: ['トリガー', 'トリガ', '兆候', '予兆', '発生条件', '発生の兆候', 'trigger', 'triggers', 'warning signs', 'risk trigger'],
  responsePlan: ['対応策', '対策', '対策内容', '対応計画', '予防策', '予防処置', '軽減策', '回避策', 'リスク対応策', ['対応', 0.8], ['対応内容', 0.9], 'response', 'responses', 'response(s)', 'response plan', 'potential responses', 'potential response', 'planned response', 'mitigation', 'mitigation plan', 'mitigation actions', 'action plan', ['actions', 0.8], ['action', 0.7], 'countermeasure', 'countermeasures', 'how to prevent', ['what more can we do about it', 0.8],
    // Actions that lower the risk before it happens, in their usual wordings.
    '低減策', '低減対策', '軽減対策', 'リスク低減策', '予防対策', '事前対策', 'mitigating actions', 'mitigating action', 'mitigation measures', 'mitigation strategy', 'response actions', 'response action', 'risk response', 'preventive actions', 'preventive action', 'risk mitigation', 'control measures', ['controls', 0.8],
    // ISO 31000's treatment of a risk, planned (the choice among avoid / reduce / share is the strategy).
    'treatment plan', 'treatment plans', 'risk treatment plan', 'treatment action', 'treatment actions', 'treatment measures', 'リスク対応計画', '対応計画', '低減計画', ...RESPONSE,
    // A bare Treatment (AS/NZS and ISO 31000 registers) is the plan where its cells are sentences; where they
    // are Avoid / Reduce words the strategy's reading of the same word is surer (blind set 15, F1).
    ['treatment', 0.9], ['treatments', 0.9], ['proposed treatment', 0.9]],
  contingency: ['発生時対応', '発生時の対応', '顕在化時対応', '顕在化時対策', '事後対策', 'コンティンジェンシー', 'コンティンジェンシープラン', '緊急時対応', '代替策', 'contingency', 'contingency plan', 'fallback', 'fallback plan',
    // What is done once the risk has happened.
    '発生時対処', '発生時対策', '発生時の対策', '緊急対応策', '緊急対策', '事後対応', '顕在化時の対応', 'contingency actions', 'contingency action', 'contingency action plan', 'contingency actions plan', 'contingency measures', 'fallback option', 'fallback options', 'fallback actions', 'plan b'],
  status: STATUS,
  raisedOn: RAISED_ON,
  raisedBy: RAISED_BY,
  due: DUE,
  closedOn: CLOSED_ON,
  },
  qualifiers: ['リスク', 'risk'],
  titleWords: ['リスク', 'risk', 'risks'],
  keyWords: 'a risk title column (リスク/件名/Title/Risk)',
  search: { kind: 2, text: ['description', 'owner', 'trigger', 'responsePlan', 'contingency', 'raisedBy'] },
  cards: true,
});
