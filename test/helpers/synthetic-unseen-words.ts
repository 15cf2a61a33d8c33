// Header words for the DEV-UNSEEN split of the generated tables (synthetic-tables.ts, issue 11): words a
// person reads as the field at once that the synonyms do not hold, written for tuning the dialog's asking
// (doubts.ts), not its reading. A rule may be tuned on these cases — they are dev — but never by adding
// these words to the synonyms: the split measures what the import does with words it has never seen,
// as HELD does blind. (Written apart from HELD's words and without reading them.)
import type { Lang } from './synthetic-held-words.js';

/** `target.field` → the words a DEV-UNSEEN table's column of that field uses instead of its usual ones. */
export const UNSEEN_WORDS: Record<string, Record<Lang, readonly string[]>> = {
  'risk.title': { ja: ['懸念リスク', 'リスク内容要約'], en: ['Risk Scenario', 'Threat'] },
  'risk.description': { ja: ['リスクの説明文', '背景説明'], en: ['Narrative', 'Risk Background'] },
  'risk.category': { ja: ['リスク領域', '種類区分'], en: ['Risk Source', 'Category Name'] },
  'risk.probability': { ja: ['起きる確率', '発生頻度'], en: ['Odds', 'Chance of Happening'] },
  'risk.impact': { ja: ['影響の深刻度', '被害規模'], en: ['Severity', 'Effect on Project'] },
  'risk.score': { ja: ['重要度点数', 'リスク値(P×I)'], en: ['Exposure', 'Severity Score'] },
  'risk.level': { ja: ['リスク格付', '重大度区分'], en: ['Criticality', 'Risk Band'] },
  'risk.strategy': { ja: ['対処の方向性', '基本方針'], en: ['Approach', 'Response Category'] },
  'risk.trigger': { ja: ['予兆', '発生のきっかけ'], en: ['Early Signals', 'Leading Indicator'] },
  'risk.responsePlan': { ja: ['予防策', '事前の手当て'], en: ['Countermeasures', 'Preventive Measures'] },
  'risk.contingency': { ja: ['万一の対応', '発生後の手当て'], en: ['Plan B', 'Recovery Actions'] },
  'risk.owner': { ja: ['主担当', '責任部署'], en: ['Risk Holder', 'Owned By'] },
  'risk.raisedOn': { ja: ['登録した日', '発見日付'], en: ['Entry Date', 'First Raised'] },
  'risk.due': { ja: ['いつまでに', '対策期限日'], en: ['Deadline', 'Action By'] },
  'risk.status': { ja: ['進み具合', '対応状態'], en: ['State', 'Current State'] },
  'issue.kind': { ja: ['課題の区分', '種類'], en: ['Nature', 'Classification'] },
  'issue.title': { ja: ['論点', '課題の要約'], en: ['Topic', 'Concern'] },
  'issue.detail': { ja: ['内容説明', '経緯'], en: ['Background', 'Narrative'] },
  'issue.priority': { ja: ['緊急度', '優先順位'], en: ['Urgency', 'Importance'] },
  'issue.owner': { ja: ['対応する人', '主管'], en: ['Handled By', 'Point Person'] },
  'issue.raisedOn': { ja: ['発覚日', '起票した日'], en: ['Opened', 'Logged'] },
  'issue.due': { ja: ['解決希望日', '締切日'], en: ['Needed By Date', 'Close By'] },
  'issue.status': { ja: ['進み具合', '対応状態'], en: ['State', 'Progress Status'] },
  'issue.resolution': { ja: ['処置', '対応結果'], en: ['Outcome', 'Fix Applied'] },
  'issue.closedOn': { ja: ['解決日', '終結日'], en: ['Resolved', 'Finished On'] },
  'wbs.level': { ja: ['レベル番号', '階層番号'], en: ['Depth', 'Tier'] },
  'wbs.name': { ja: ['実施事項', '作業'], en: ['Work', 'Item'] },
  'wbs.assignee': { ja: ['実施者', '作業者'], en: ['Done By', 'Person'] },
  'wbs.plannedStart': { ja: ['着手日', '開始(計画)'], en: ['Begin', 'From'] },
  'wbs.plannedFinish': { ja: ['完了日(予定)', '期日'], en: ['End', 'To'] },
  'wbs.plannedEffort': { ja: ['所要工数', '見込み時間'], en: ['Hours', 'Man-days'] },
  'wbs.progress': { ja: ['達成率', '出来高'], en: ['Done %', 'Completion'] },
  'wbs.status': { ja: ['作業状況', '状態区分'], en: ['State', 'Condition'] },
  'wbs.deliverable': { ja: ['納品物', 'アウトプット'], en: ['Artifact', 'Work Product'] },
};
