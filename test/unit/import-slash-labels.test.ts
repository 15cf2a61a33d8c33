// A header of two words joined by a slash (Task/Milestone, 担当/協力者, Owner / Assignee) heads a column
// that holds either: each word names the column, and the cells decide between the fields they name.
// Before, the whole label was read as one phrase and only the word a partial match found first counted:
// a status report's "Task/Milestone" column of task names was a milestone flag (dropped as an extra),
// and its "Detail" column of long text took the tasks' names.
import { describe, expect, it } from 'vitest';
import type { ImportTable } from '../../electron/core/excel/import/read-table.js';
import { matchLabel } from '../../electron/core/excel/import/synonyms.js';
import type { ImportTarget } from '../../electron/common/excel/fields.js';
import type { ModelCell } from '../fixtures/excel/model.js';
import { readModel } from '../helpers/read-sheet.js';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

const read = (rows: ModelCell[][], target: ImportTarget): ImportTable => readModel(rows, target, [], 'Sheet1');
const fieldOf = (t: ImportTable, label: string) => t.columns.find((c) => c.label === label)?.field ?? null;

const TASKS = ['Dev Phase 1: Basic real-time algorithm', 'Dev Phase 2: UI and feedback logic', 'QA Phase 1 and re-testing of defects', 'Release to production'];
const DETAILS = ['Recommendation model, evaluation, stored preferences', 'Like and dislike, store the feedback, UI work', 'Manual and automated testing of all phases', 'Deployment, monitoring and the launch note'];

describe('a slash between two words of one language in a header', () => {
  it('offers each word\'s field (the whole phrase named only one of them)', () => {
    for (const [label, field] of [
      ['Task/Milestone', 'name'],
      ['Task / Milestone', 'name'],
      ['Milestone/Task', 'name'],
      ['作業/マイルストーン', 'name'],
      ['Notes/Comments', 'notes'],
    ] as const) {
      expect(matchLabel('wbs', [label]).map((m) => m.field), label).toContain(field);
    }
    // A slash inside brackets lists the values, not two columns' words (優先度(H/M/L) stays one word).
    expect(matchLabel('risk', ['Impact (H/M/L)']).map((m) => m.field)).toEqual(matchLabel('risk', ['Impact']).map((m) => m.field));
    // Single letters and a date's format are no words.
    expect(matchLabel('wbs', ['Y/N']).map((m) => m.field)).not.toContain('name');
  });

  it.each([
    ['Task/Milestone', 'Detail', 'Target Date'],
    ['Milestone / Task', 'Details', 'Due Date'],
    ['作業/マイルストーン', '詳細', '期限'],
  ])('reads a status report\'s %s column as the tasks\' names and %s as their notes', (nameLabel, detailLabel, dateLabel) => {
    const rows: ModelCell[][] = [
      ['Project status report'],
      [],
      [nameLabel, dateLabel, detailLabel, 'Status'],
      ...TASKS.map((t, i): ModelCell[] => [t, d(`2024-0${i + 2}-0${i + 3}`), DETAILS[i]!, i < 2 ? 'Done' : 'In progress']),
    ];
    const t = read(rows, 'wbs');
    expect(fieldOf(t, nameLabel)).toBe('name');
    expect(fieldOf(t, detailLabel)).toBe('notes');
    expect(t.records.map((r) => r.values.name)).toEqual(TASKS);
  });

  it('lets the cells choose: a column of Yes/No under Milestone/Flag is no name column', () => {
    const rows: ModelCell[][] = [
      ['Task', 'Milestone/Flag', 'Start', 'Finish'],
      ...TASKS.map((t, i): ModelCell[] => [t, i === 3 ? 'Yes' : 'No', d(`2024-0${i + 2}-01`), d(`2024-0${i + 2}-20`)]),
    ];
    const t = read(rows, 'wbs');
    expect(fieldOf(t, 'Task')).toBe('name');
    expect(fieldOf(t, 'Milestone/Flag')).not.toBe('name');
  });
});
