// The meeting an action item comes from, in the issue log: its date and title, a link to its minutes.
import type { CustomCellRendererProps } from 'ag-grid-react';
import { formatDate } from '../../../../electron/common/dates.js';
import type { MeetingSummary } from '../../../../electron/common/meetings.js';
import type { Issue } from '../../../../electron/common/registers.js';
import { hashParams } from '../../api/client.js';
import type { ColumnContext, RegisterColDef } from '../registers/columns.js';

/** Meeting id → how it is named (yyyy/mm/dd title). */
export function meetingLabels(meetings: readonly MeetingSummary[]): Map<number, string> {
  return new Map(meetings.map((m) => [m.id, [formatDate(m.heldOn), m.title].filter(Boolean).join(' ') || `#${m.id}`]));
}

/** The link into the minutes tab with the meeting selected. */
export function minutesHref(meetingId: number): string {
  const params = hashParams();
  params.set('view', 'minutes');
  params.set('meeting', String(meetingId));
  return `#${params.toString()}`;
}

function MeetingLink(p: CustomCellRendererProps<Issue> & { labels: Map<number, string> }) {
  const id = p.data?.meetingId;
  if (id === null || id === undefined) return null;
  return (
    <a href={minutesHref(id)} className="meeting-link" data-testid="meeting-link">
      {p.labels.get(id) ?? `#${id}`}
    </a>
  );
}

export function meetingCol(c: ColumnContext, labels: Map<number, string>): RegisterColDef<Issue> {
  const format = (v: unknown) => (typeof v === 'number' ? (labels.get(v) ?? `#${v}`) : '');
  return {
    field: 'meetingId',
    colId: 'meetingId',
    headerName: c.t('minutes.meetingColumn'),
    width: 200,
    editable: false,
    context: { kind: 'text', format },
    valueFormatter: (p) => format(p.value),
    filterValueGetter: (p) => format(p.data?.meetingId),
    cellRenderer: MeetingLink,
    cellRendererParams: { labels },
  };
}
