import type { GridColDef } from '@mui/x-data-grid';
import type { CaseRow } from '../../../shared/api/schemas/cases';
import { deadlineKindLabel } from '../../../shared/domain/deadlines';
import { formatDateTime } from '../format';
import { StatusChip } from './StatusChip';

/** Only these columns sort on the core (cases.search's sort values); the rest keep their order. */
export const caseColumns: GridColDef<CaseRow>[] = [
  { field: 'caseNo', headerName: '案件编号', width: 150, sortingOrder: ['desc', 'asc'] },
  {
    field: 'receivedAt',
    headerName: '收到时间',
    width: 140,
    sortingOrder: ['desc', 'asc'],
    valueFormatter: (value: string) => formatDateTime(value),
  },
  { field: 'complainantName', headerName: '投诉人', width: 100, sortable: false },
  { field: 'complainantPhone', headerName: '联系电话', width: 125, sortable: false },
  { field: 'respondentName', headerName: '被投诉方', flex: 1, minWidth: 160, sortable: false },
  { field: 'subject', headerName: '商品或服务', flex: 1, minWidth: 130, sortable: false },
  { field: 'categoryName', headerName: '类别', width: 120, sortable: false },
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
    width: 170,
    sortingOrder: ['asc', null],
    valueGetter: (_value, row) => row.nextDeadline?.dueOn ?? '',
    renderCell: ({ row }) => {
      const d = row.nextDeadline;
      if (!d) return '—';
      // The core says whether it is overdue; the list only shows it.
      const late = d.state === 'overdue';
      return (
        <span style={late ? { color: '#c62828', fontWeight: 600 } : undefined} title={late ? `${deadlineKindLabel[d.kind]}已超期` : deadlineKindLabel[d.kind]}>
          {d.dueOn} {deadlineKindLabel[d.kind].replace('期限', '')}
          {d.state === 'paused' ? '（暂停）' : ''}
        </span>
      );
    },
  },
];
