import type { GridColDef } from '@mui/x-data-grid';
import type { CaseRow } from '../../../shared/api/schemas/cases';
import { daysUntil, formatDateTime } from '../format';
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
  {
    field: 'acceptanceDueOn',
    headerName: '受理期限',
    width: 110,
    sortingOrder: ['asc', null],
    renderCell: ({ row }) => {
      // Only a case still waiting for its acceptance decision can be late on it.
      const late = row.status === 'registered' && daysUntil(row.acceptanceDueOn) < 0;
      return (
        <span style={late ? { color: '#c62828', fontWeight: 600 } : undefined} title={late ? '已超过受理期限' : undefined}>
          {row.acceptanceDueOn}
        </span>
      );
    },
  },
];
