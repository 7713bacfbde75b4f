import Box from '@mui/material/Box';
import type { GridColDef } from '@mui/x-data-grid';
import type { CaseRow } from '../../../shared/api/schemas/cases';
import { deadlineKindLabel } from '../../../shared/domain/deadlines';
import { formatDateCn, formatDateTime, formatLeft } from '../format';
import { StatusChip } from './StatusChip';

/**
 * The deadline and the handler come before the contact details, so they stay in view on an office
 * screen. Only these columns sort on the core (cases.search's sort values); the rest keep their order.
 */
export const caseColumns: GridColDef<CaseRow>[] = [
  { field: 'caseNo', headerName: '案件编号', width: 150, sortingOrder: ['desc', 'asc'] },
  {
    field: 'receivedAt',
    headerName: '收到时间',
    width: 176,
    sortingOrder: ['desc', 'asc'],
    valueFormatter: (value: string) => formatDateTime(value),
  },
  { field: 'complainantName', headerName: '投诉人', width: 100, sortable: false },
  { field: 'respondentName', headerName: '被投诉方', flex: 1, minWidth: 160, sortable: false },
  { field: 'subject', headerName: '商品或服务', flex: 1, minWidth: 130, sortable: false },
  {
    field: 'status',
    headerName: '状态',
    width: 120,
    sortable: false,
    renderCell: ({ row }) => <StatusChip status={row.status} />,
  },
  { field: 'handlerName', headerName: '承办人', width: 90, sortable: false },
  {
    field: 'dueOn',
    headerName: '最近期限',
    width: 270,
    sortingOrder: ['asc', null],
    valueGetter: (_value, row) => row.nextDeadline?.dueOn ?? '',
    renderCell: ({ row }) => <NextDeadline d={row.nextDeadline} />,
  },
  { field: 'complainantPhone', headerName: '联系电话', width: 125, sortable: false },
  { field: 'categoryName', headerName: '类别', width: 120, sortable: false },
];

/** The nearest open clock as the core counts it today, in its own unit; the list only shows it. */
function NextDeadline({ d }: { d: CaseRow['nextDeadline'] }) {
  if (!d) return '—';
  const state = d.state === 'paused' ? '暂停' : d.left ? formatLeft(d.left, { short: true }) : '';
  const soon = d.left !== null && d.left.amount <= 3;
  const colour = d.state === 'overdue' ? 'error.main' : d.state === 'paused' ? 'info.dark' : soon ? 'warning.dark' : undefined;
  return (
    <Box component="span" sx={{ color: colour, fontWeight: colour ? 600 : undefined }} title={deadlineKindLabel[d.kind]}>
      {formatDateCn(d.dueOn)} {deadlineKindLabel[d.kind].replace('期限', '')} · {state}
    </Box>
  );
}
