// 教訓: the lessons a project learned (what happened, why, what to do next time), kept for the projects
// that come after it. A lesson is a row of the project it came from (its source project), so it is
// imported, exported, undone and searched like any project register; the 教訓 page of the workspace
// lists the lessons of every project together, filtered by words and tags (lesson.listAll).
import { z } from 'zod';
import { text } from '../api/schemas.js';
import { code, date, defineRegister, extra, h, item, ref } from './descriptor.js';
import { RAISED_BY, RAISED_ON, REF, STATUS } from './words.js';

export const lessonFields = z.strictObject({
  ref,
  title: text(2000),
  category: text(200),
  phase: text(200),
  /** Words to find the lesson by, separated by commas (、 , ，) or spaces as people type them. */
  tags: text(1000),
  situation: text(10000),
  cause: text(10000),
  recommendation: text(10000),
  raisedBy: text(200),
  raisedOn: date,
  status: code,
  extra,
});

export const lesson = defineRegister({
  name: 'lesson',
  table: 'lessons',
  view: 'lessons',
  screen: h('教訓', 'Lessons learned'),
  exportTitle: h('教訓一覧', 'Lessons Learned'),
  refPrefix: 'LL-',
  fields: lessonFields,
  keyField: 'title',
  titleField: 'title',
  longTextField: 'situation',
  lists: {
    'lesson.status': [item('draft', '起票', 'Draft'), item('approved', '承認済', 'Approved'), item('shared', '展開済', 'Shared', true)],
  },
  vocab: { status: { list: 'lesson.status', required: true } },
  // A lesson is open until it has been passed on to other projects (水平展開); it has no due date.
  tracking: { status: 'status', due: null, owner: 'raisedBy' },
  columns: {
    ref: { ...h('ID', 'ID'), width: 82, pinned: true },
    title: { ...h('教訓', 'Lesson'), width: 260, pinned: true },
    category: { ...h('分類', 'Category'), width: 110 },
    phase: { ...h('工程', 'Phase'), width: 100 },
    tags: { ...h('タグ', 'Tags'), width: 160 },
    situation: { ...h('発生事象', 'What happened'), width: 220, long: true },
    cause: { ...h('原因', 'Cause'), width: 180, long: true },
    recommendation: { ...h('推奨事項', 'Recommendation'), width: 220, long: true },
    raisedBy: { ...h('登録者', 'Raised by'), width: 100 },
    raisedOn: h('登録日', 'Raised on'),
    status: { ...h('ステータス', 'Status'), width: 100 },
  },
  synonyms: {
    ref: [...REF, '教訓番号', '教訓no', 'lesson id', 'lesson no', 'll no'],
    title: ['教訓', '教訓内容', '学び', '得られた教訓', '反省点', '気づき', ['件名', 0.8], ['タイトル', 0.8], 'lesson', 'lessons learned', 'lesson learned', 'learning', ['title', 0.9], ['summary', 0.8]],
    category: ['分類', 'カテゴリ', 'カテゴリー', '区分', '種別', '知識エリア', 'category', 'knowledge area', 'area', 'discipline', ['type', 0.8]],
    phase: ['工程', 'フェーズ', '段階', 'phase', 'stage'],
    tags: ['タグ', 'キーワード', 'tags', 'tag', 'keywords', 'keyword'],
    situation: ['発生事象', '事象', '状況', '背景', '経緯', '何が起きたか', '問題', ['内容', 0.8], ['詳細', 0.8], 'what happened', 'situation', 'background', 'event', 'issue', ['description', 0.8]],
    cause: ['原因', '要因', '根本原因', '真因', 'cause', 'root cause', 'reason'],
    recommendation: ['推奨事項', '対策', '再発防止策', '今後の対応', '提言', '改善策', '次回への提言', 'recommendation', 'recommendations', 'what to do next time', 'action', 'prevention', ['improvement', 0.9]],
    raisedBy: RAISED_BY,
    raisedOn: RAISED_ON,
    status: STATUS,
  },
  qualifiers: ['教訓', 'lesson'],
  titleWords: ['教訓', 'lesson', 'lessons', 'lessons learned'],
  keyWords: 'a lesson column (教訓/学び/Lesson)',
  search: { kind: 10 },
  workspacePage: true,
  cards: true,
});
