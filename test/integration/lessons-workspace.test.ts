// 教訓 is kept across projects: each lesson is a row of the project it came from, and lesson.listAll
// answers every project's lessons with their source project's name (the workspace's 教訓 page). Search
// finds a lesson by its tags from anywhere; an undo in one project leaves the other project's lessons.
import { describe, expect, it } from 'vitest';
import { inProcessCaller, tempWorkspace } from '../helpers/workspace.js';

describe('教訓 across projects', () => {
  it('lists every project’s lessons with their source project, searchable by tag, each undone in its own project', async () => {
    const ws = tempWorkspace();
    const call = inProcessCaller(ws);
    const a = await call('project.create', { name: '基幹刷新' });
    const b = await call('project.create', { name: '販売管理' });
    const first = await call('lesson.create', { projectId: a.id, values: { title: '要件凍結日を合意する', tags: '要件定義、合意形成', recommendation: 'キックオフで凍結日を決める' } });
    await call('lesson.create', { projectId: b.id, values: { title: '移行リハーサルは2回', tags: '#移行 #リハーサル', raisedBy: '山田' } });

    const all = await call('lesson.listAll', {});
    expect(all.map((r) => [r.projectName, r.ref, r.title, r.status])).toEqual([
      ['基幹刷新', 'LL-001', '要件凍結日を合意する', 'draft'],
      ['販売管理', 'LL-001', '移行リハーサルは2回', 'draft'],
    ]);
    expect(all[0]).toMatchObject({ id: first.id, projectId: a.id });

    // A tag word finds the lesson from the search of every project, with its project.
    const hits = await call('search.query', { text: 'リハーサル' });
    expect(hits.map((h) => [h.kind, h.projectName, h.title])).toEqual([['lesson', '販売管理', '移行リハーサルは2回']]);

    // Undo in 販売管理 takes back its lesson only.
    await call('history.undo', { projectId: b.id });
    expect((await call('lesson.listAll', {})).map((r) => r.title)).toEqual(['要件凍結日を合意する']);
    ws.close();
  });
});
