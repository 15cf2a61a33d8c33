// Blind set 4, J8, through the API: a Jira export's Created column holds text date-times as Jira writes
// them (02/Jun/25 09:15 AM). Before, no cell read as a date, Created was kept as an extra column and
// every issue came in without its raised date. Now it is the raised date, and so are the other forms
// trackers export (Jun 2, 2025 / 2 June 2025 / 2025-06-02T09:15 / RFC 2822 with a zone).
import { describe, expect, it } from 'vitest';
import { parseDateText } from '../../electron/common/excel/client-dates.js';
import { workbook } from '../fixtures/excel/xlsx.js';
import { fileWorkspace } from '../helpers/file-workspace.js';

const { call } = fileWorkspace();

describe('date-times as issue trackers export them', () => {
  it('read in every common English form, with or without the time', () => {
    for (const text of [
      '02/Jun/25 09:15 AM', '2/Jun/25 9:15 PM', '02/Jun/2025', '02-Jun-25', '2 Jun 2025', '2nd June 2025', '2 June 2025 14:05',
      'Jun 2, 2025', 'June 2, 2025 9:15 AM', 'Jun 2 2025', 'Sept 2, 2025', '2025-06-02T09:15', '2025-06-02T09:15:00.000+0900', '2025-06-02 09:15:00Z',
      'Mon, 2 Jun 2025 09:15:00 +0000', '2025/06/02 9:15 AM',
    ])
      expect(parseDateText(text, '2000-01-01'), text).toMatchObject({ ok: true, iso: text.startsWith('Sept') ? '2025-09-02' : '2025-06-02' });
    // A word that only starts like a month is none.
    expect(parseDateText('02/Junk/25', '2000-01-01')).toEqual({ ok: false });
  });

  it("a Jira export's Created column is each issue's raised date", async () => {
    const created = ['02/Jun/25 09:15 AM', '03/Jun/25 11:40 AM', '05/Jun/25 02:05 PM', '10/Jun/25 04:30 PM', '12/Jun/25 10:00 AM', '16/Jun/25 09:00 AM', '18/Jun/25 01:15 PM', '23/Jun/25 03:45 PM', '30/Jun/25 05:55 PM'];
    const bytes = await workbook([
      {
        name: 'Jira',
        rows: [
          ['Issue key', 'Summary', 'Issue Type', 'Priority', 'Severity', 'Status', 'Assignee', 'Reporter', 'Created', 'Due date', 'Resolution'],
          ...created.map((c, k) => [`HBR-${101 + k}`, `Issue ${k + 1}`, 'Bug', 'High', 'S2', 'Open', 'Ann', 'Bob', c, '', k === 0 ? 'Fixed' : '']),
        ],
      },
    ]);
    const { id: projectId } = await call('project.create', { name: 'Jira' });
    const preview = await call('excel.previewImport', { projectId, register: 'issue', fileName: 'jira.xlsx', dataBase64: bytes.toString('base64') });
    expect(preview.columns.find((c) => c.label === 'Created')?.field).toBe('raisedOn');
    expect(preview.problems.filter((p) => p.field === 'raisedOn')).toEqual([]);
    await call('excel.applyImport', { previewId: preview.previewId });
    const issues = await call('issue.list', { projectId });
    expect(issues.map((i) => i.raisedOn)).toEqual(['2025-06-02', '2025-06-03', '2025-06-05', '2025-06-10', '2025-06-12', '2025-06-16', '2025-06-18', '2025-06-23', '2025-06-30']);
  });
});
