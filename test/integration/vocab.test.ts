// Per-project vocabularies: defaults, replacement of one list, and the rules that keep stored codes valid.
import { describe, expect, it } from 'vitest';
import { VOCAB_LISTS } from '../../electron/common/registers.js';
import { issues } from '../../electron/core/services/registers/index.js';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';
import { failure } from '../helpers/failure.js';
import { snapshot } from '../helpers/snapshot.js';

async function setup() {
  const ws = tempWorkspace();
  const call = inProcessCaller(ws);
  const p = (await call('project.create', { name: 'P' })).id;
  return { ws, call, p };
}

const item = (code: string, labelJa: string, labelEn = '', closed?: boolean) => ({ code, labelJa, labelEn, ...(closed === undefined ? {} : { closed }) });

describe('vocab.list', () => {
  it('answers every list with the defaults until the project customizes one', async () => {
    const { call, p } = await setup();
    const v = await call('vocab.list', { projectId: p });
    expect(Object.keys(v).sort()).toEqual([...VOCAB_LISTS].sort());
    expect(Object.values(v).every((l) => !l.customized && l.items.length > 0)).toBe(true);
    expect(v['risk.strategy'].items.map((i) => [i.code, i.labelJa])).toEqual([
      ['avoid', '回避'],
      ['mitigate', '軽減'],
      ['transfer', '転嫁'],
      ['accept', '受容'],
    ]);
    expect(v['issue.kind'].items.map((i) => i.labelJa)).toEqual(['課題', 'アクション', '質問', '要望', '不具合', '要判断']);
    expect(v['issue.status'].items.map((i) => [i.code, i.labelJa, i.closed])).toEqual([
      ['not_started', '未着手', false],
      ['in_progress', '対応中', false],
      ['done', '完了', true],
      ['on_hold', '保留', false],
      ['cancelled', '中止', true],
    ]);
    expect(v['change.decision'].items.map((i) => [i.code, i.labelJa, i.labelEn])).toEqual([
      ['approved', '承認', 'Approved'],
      ['rejected', '却下', 'Rejected'],
      ['on_hold', '保留', 'On hold'],
    ]);
    expect((await failure(call('vocab.list', { projectId: 999 }))).code).toBe('NOT_FOUND');
  });
});

describe('vocab.set', () => {
  it('replaces one list of one project, in the given order, and validates rows against it', async () => {
    const { call, p } = await setup();
    const q = (await call('project.create', { name: 'Q' })).id;
    const set = await call('vocab.set', { projectId: p, list: 'issue.priority', items: [item('urgent', '緊急', 'Urgent'), item('high', '高', 'High'), item('low', '低', 'Low')] });
    expect(set).toMatchObject({ list: 'issue.priority', customized: true });
    expect(set.items.map((i) => i.code)).toEqual(['urgent', 'high', 'low']);
    const v = await call('vocab.list', { projectId: p });
    expect(v['issue.priority'].items.map((i) => i.code)).toEqual(['urgent', 'high', 'low']);
    expect(v['issue.status'].customized).toBe(false);
    expect((await call('vocab.list', { projectId: q }))['issue.priority'].customized).toBe(false);

    expect((await call('issue.create', { projectId: p, values: { priority: 'urgent' } })).priority).toBe('urgent');
    expect(await failure(call('issue.create', { projectId: p, values: { priority: 'medium' } }))).toMatchObject({ code: 'VALIDATION', details: [{ field: 'values.priority' }] });
    expect(await failure(call('issue.create', { projectId: q, values: { priority: 'urgent' } }))).toMatchObject({ code: 'VALIDATION' });

    // Setting it again replaces it whole, labels included.
    await call('vocab.set', { projectId: p, list: 'issue.priority', items: [item('low', '低い'), item('urgent', '至急', 'ASAP'), item('high', '高')] });
    expect((await call('vocab.list', { projectId: p }))['issue.priority'].items).toEqual([
      { code: 'low', labelJa: '低い', labelEn: '', closed: false },
      { code: 'urgent', labelJa: '至急', labelEn: 'ASAP', closed: false },
      { code: 'high', labelJa: '高', labelEn: '', closed: false },
    ]);
  });

  it('refuses to drop a code rows still use, with the count, changing nothing', async () => {
    const { ws, call, p } = await setup();
    await call('issue.create', { projectId: p, values: { priority: 'medium' } });
    await call('issue.create', { projectId: p, values: { priority: 'medium', status: 'on_hold' } });
    await call('issue.create', { projectId: p, values: { priority: 'low' } });
    const before = snapshot(ws.db.sqlite);
    const err = await failure(call('vocab.set', { projectId: p, list: 'issue.priority', items: [item('high', '高'), item('low', '低')] }));
    expect(err.code).toBe('CONFLICT');
    expect(err.details).toEqual([{ code: 'medium', count: 2 }]);
    expect(err.message).toContain('2 row(s)');
    const status = await failure(call('vocab.set', { projectId: p, list: 'issue.status', items: [item('not_started', '未着手'), item('done', '完了')] }));
    expect(status.details).toEqual([{ code: 'on_hold', count: 1 }]);
    expect(snapshot(ws.db.sqlite)).toBe(before);
    // Relabelling a used code is fine.
    await call('vocab.set', { projectId: p, list: 'issue.priority', items: [item('high', '高'), item('medium', '普通'), item('low', '低')] });
  });

  it('counts rows of every register that uses the list, and only of this project', async () => {
    const { call, p } = await setup();
    const q = (await call('project.create', { name: 'Q' })).id;
    await call('risk.create', { projectId: p, values: { category: 'cost' } });
    await call('risk.create', { projectId: q, values: { category: 'cost' } });
    await call('risk.create', { projectId: q, values: { category: 'cost' } });
    const err = await failure(call('vocab.set', { projectId: p, list: 'risk.category', items: [item('technical', '技術')] }));
    expect(err.details).toEqual([{ code: 'cost', count: 1 }]);
  });

  it.each([
    ['an empty code', [item(' ', '空')], 'items.0.code'],
    ['an empty Japanese label', [item('a', '')], 'items.0.labelJa'],
    ['a duplicate code', [item('a', 'あ'), item('b', 'い'), item('a', 'う')], 'items.2.code'],
    ['a code differing only in case or width', [item('high', '高'), item('ＨＩＧＨ', '最高')], 'items.1.code'],
    ['a duplicate label', [item('a', '高'), item('b', '高')], 'items.1.labelJa'],
    ['a label equal to another code', [item('done', '完了'), item('closed', 'Done')], 'items.1.labelJa'],
    ['an empty list', [], 'items'],
  ])('refuses %s', async (_label, items, field) => {
    const { ws, call, p } = await setup();
    const before = snapshot(ws.db.sqlite);
    const err = await failure(call('vocab.set', { projectId: p, list: 'issue.priority', items }));
    expect(err.code).toBe('VALIDATION');
    expect((err.details as { field: string }[]).map((d) => d.field)).toContain(field);
    expect(snapshot(ws.db.sqlite)).toBe(before);
  });

  it('refuses an unknown list and an unknown project', async () => {
    const { call, p } = await setup();
    expect(await failure(call('vocab.set', { projectId: p, list: 'wbs.colour' as never, items: [item('a', 'あ')] }))).toMatchObject({ code: 'VALIDATION', details: [{ field: 'list' }] });
    expect((await failure(call('vocab.set', { projectId: 999, list: 'issue.kind', items: [item('a', 'あ')] }))).code).toBe('NOT_FOUND');
  });

  it('keeps which codes count as closed, for overdue, age and closing', async () => {
    const { ws, call, p } = await setup();
    await call('vocab.set', {
      projectId: p,
      list: 'issue.status',
      items: [item('open', '未対応'), item('verified', '確認済', 'Verified', true), item('done', '完了', 'Done', false)],
    });
    const v = await call('vocab.list', { projectId: p });
    expect(v['issue.status'].items.map((i) => [i.code, i.closed])).toEqual([
      ['open', false],
      ['verified', true],
      ['done', false],
    ]);
    const today = '2025-04-10';
    const a = issues.create(ws.db, { user: 't' }, p, { due: '2025-04-01', raisedOn: '2025-04-01' }, { today });
    expect(a.status).toBe('open'); // the first code of a required list is the default
    const closed = issues.update(ws.db, { user: 't' }, a.id, { status: 'verified' }, { today });
    expect(closed).toMatchObject({ closedOn: today, overdue: false, ageDays: 9 });
    const b = issues.create(ws.db, { user: 't' }, p, { due: '2025-04-01', status: 'done' }, { today });
    expect(b).toMatchObject({ closedOn: null, overdue: true });
  });

  it('defaults required codes of a customized list to its first item', async () => {
    const { call, p } = await setup();
    await call('vocab.set', { projectId: p, list: 'issue.kind', items: [item('task', 'タスク'), item('bug', 'バグ')] });
    await call('vocab.set', { projectId: p, list: 'risk.status', items: [item('new', '新規'), item('closed', 'クローズ')] });
    expect((await call('issue.create', { projectId: p })).kind).toBe('task');
    expect((await call('risk.create', { projectId: p })).status).toBe('new');
    // Items that do not say keep the default closed-ness of their code.
    expect((await call('vocab.list', { projectId: p }))['risk.status'].items.map((i) => i.closed)).toEqual([false, true]);
  });

  it('refuses dropping a meeting kind that minutes still use', async () => {
    const { call, p } = await setup();
    await call('meeting.create', { projectId: p, values: { title: 'レビュー会', kind: 'review' } });
    const lists = await call('vocab.list', { projectId: p });
    const kinds = lists['meeting.kind'].items.filter((i) => i.code !== 'review');
    const err = await failure(call('vocab.set', { projectId: p, list: 'meeting.kind', items: kinds }));
    expect(err.code).toBe('CONFLICT');
    expect(err.details).toEqual([{ code: 'review', count: 1 }]);
  });
});
