// A small but complete project, made through the API: what backup and restore tests compare.
import type { Call } from './workspace.js';

/** A project with a small WBS tree, a risk, an issue linked to a meeting, and a change. */
export async function seedProject(call: Call, name: string): Promise<number> {
  const p = await call('project.create', { name, code: name.slice(0, 3) });
  const parent = await call('wbs.create', { projectId: p.id, values: { name: `${name} 設計`, assignee: '山田' } });
  for (let i = 0; i < 3; i++)
    await call('wbs.create', { projectId: p.id, parentId: parent.id, values: { name: `${name} 作業${i}`, progress: i * 30, plannedStart: '2025-04-01' } });
  await call('risk.create', { projectId: p.id, values: { title: `${name} 要員不足`, probability: 4, impact: 3 } });
  const m = await call('meeting.create', { projectId: p.id, values: { title: `${name} 定例` } });
  await call('issue.create', { projectId: p.id, values: { title: `${name} 仕様確認`, meetingId: m.id } });
  await call('change.create', { projectId: p.id, values: { title: `${name} 画面追加` } });
  return p.id;
}
