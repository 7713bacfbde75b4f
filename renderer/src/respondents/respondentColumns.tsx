import Box from '@mui/material/Box';
import type { GridColDef } from '@mui/x-data-grid';
import type { RespondentListRow } from '../../../shared/api/schemas/respondents';
import { formatDateCn } from '../format';

const none = <Box component="span" sx={{ color: 'text.disabled' }}>—</Box>;
const count = (n: number, warn = false) => (
  <Box component="span" sx={{ fontVariantNumeric: 'tabular-nums', fontWeight: warn && n > 0 ? 600 : undefined, color: warn && n > 0 ? 'warning.dark' : undefined }}>
    {n}
  </Box>
);

/** The 被投诉方 list's columns; the counts are the core's, kept as cases change. Sorting is the page's sort box. */
const columns: GridColDef<RespondentListRow>[] = [
  {
    field: 'name',
    headerName: '被投诉方',
    flex: 1,
    minWidth: 220,
    renderCell: ({ row }) => (
      <span>
        {row.name}
        {(row.address || row.contactPerson || row.phone) && (
          <Box component="span" sx={{ display: 'block', fontSize: 12, color: 'text.secondary' }}>
            {[row.address, row.contactPerson, row.phone].filter(Boolean).join(' · ')}
          </Box>
        )}
      </span>
    ),
  },
  { field: 'creditCode', headerName: '统一社会信用代码', width: 190, renderCell: ({ row }) => row.creditCode ?? none },
  { field: 'cases', headerName: '投诉件数', width: 96, align: 'right', headerAlign: 'right', renderCell: ({ row }) => count(row.cases) },
  { field: 'openCases', headerName: '办理中', width: 84, align: 'right', headerAlign: 'right', renderCell: ({ row }) => count(row.openCases) },
  { field: 'repeats', headerName: '重复投诉', width: 96, align: 'right', headerAlign: 'right', renderCell: ({ row }) => count(row.repeats, true) },
  { field: 'lastReceivedOn', headerName: '最近投诉', width: 130, renderCell: ({ row }) => (row.lastReceivedOn ? formatDateCn(row.lastReceivedOn) : none) },
];
export const respondentColumns = columns.map((c): GridColDef<RespondentListRow> => ({ ...c, sortable: false, disableColumnMenu: true }));
