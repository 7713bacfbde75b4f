import Box from '@mui/material/Box';
import type { GridColDef } from '@mui/x-data-grid';
import type { CaseRow } from '../../../shared/api/schemas/cases';
import { deadlineKindLabel } from '../../../shared/domain/deadlines';
import { formatDateCn, formatLeft } from '../format';
import { Highlight } from './Highlight';
import { dayAndTime } from './listFormat';
import { StatusChip } from './StatusChip';
import { sortableFields } from './useCaseListParams';

const small = { display: 'block', fontSize: 12, color: 'text.secondary', lineHeight: 1.4 } as const;

/**
 * The register's columns, sized to show a name, a phone and the longest category whole at 1366 px
 * (long business names wrap rather than being cut). What was bought, and where a search found a
 * word the columns do not show, go under the business's name. Sorting is the core's: only the
 * columns it can order by sort.
 */
export function caseColumnsFor(words: readonly string[]): GridColDef<CaseRow>[] {
  const columns: GridColDef<CaseRow>[] = [
    {
      field: 'caseNo',
      headerName: '案件编号',
      // TS2025-334637 on one line: a year's six-digit number (a large office's register) is 98.6 px of
      // text and 20 of padding, and wrapped at 118 px; wider, the grid scrolled sideways at 1366 px.
      width: 121,
      sortingOrder: ['desc', 'asc', null],
      renderCell: ({ row }) => <Highlight text={row.caseNo} words={words} />,
    },
    {
      field: 'receivedAt',
      headerName: '收到',
      // 2026年11月21日 on one line at 14 px with the cell's padding (at 122 px its 日 wrapped under it).
      width: 130,
      sortingOrder: ['desc', 'asc', null],
      renderCell: ({ row }) => {
        const { day, time } = dayAndTime(row.receivedAt);
        return (
          <span>
            <Box component="span" sx={{ whiteSpace: 'nowrap' }}>{formatDateCn(day)}</Box>
            {time && <Box component="span" sx={small}>{time}</Box>}
          </span>
        );
      },
    },
    {
      field: 'complainantName',
      headerName: '投诉人',
      // The header with its sort arrow: 42 px of title, the arrow's 28 and the padding's 20.
      width: 96,
      sortingOrder: ['asc', 'desc', null],
      renderCell: ({ row }) => <Highlight text={row.complainantName} words={words} />,
    },
    {
      field: 'complainantPhone',
      headerName: '联系电话',
      width: 124,
      renderCell: ({ row }) => <Highlight text={row.complainantPhone} words={words} />,
    },
    {
      field: 'respondentName',
      headerName: '被投诉方 / 商品或服务',
      flex: 1,
      minWidth: 190,
      sortingOrder: ['asc', 'desc', null],
      renderCell: ({ row }) => (
        <span>
          <Highlight text={row.respondentName} words={words} />
          <Box component="span" sx={small}>
            <Highlight text={row.subject} words={words} />
          </Box>
          {row.match && (
            <Box component="span" sx={{ ...small, color: 'text.primary' }} data-testid="match-snippet">
              <Box component="span" sx={{ color: 'primary.main', fontWeight: 600 }}>
                {row.match.field}：
              </Box>
              <Highlight text={row.match.text} words={words} />
            </Box>
          )}
        </span>
      ),
    },
    { field: 'categoryName', headerName: '类别', width: 148, sortingOrder: ['asc', 'desc', null] },
    {
      field: 'status',
      headerName: '状态',
      width: 114,
      sortingOrder: ['asc', 'desc', null],
      renderCell: ({ row }) => <StatusChip status={row.status} />,
    },
    {
      field: 'handlerName',
      headerName: '经办人',
      width: 74,
      renderCell: ({ row }) => row.handlerName ?? <Box component="span" sx={{ color: 'text.disabled' }}>—</Box>,
    },
    {
      field: 'dueOn',
      headerName: '最近期限',
      // "2026年12月19日 受理" on a line (140 px with padding); ten px went to 投诉人's sort arrow.
      width: 158,
      sortingOrder: ['asc', null],
      valueGetter: (_value, row) => row.nextDeadline?.dueOn ?? '',
      renderCell: ({ row }) => <NextDeadline d={row.nextDeadline} />,
    },
  ];
  return columns.map((c) => ({ ...c, sortable: sortableFields.has(c.field), disableColumnMenu: true }));
}

/** The nearest open clock as the core counts it today; the list only shows it. */
function NextDeadline({ d }: { d: CaseRow['nextDeadline'] }) {
  if (!d) return <Box component="span" sx={{ color: 'text.disabled' }}>—</Box>;
  // In the clock's own unit (还剩 43 日, 剩3个工作日), as the core counted it.
  const state = d.state === 'paused' ? '暂停计时' : d.left ? formatLeft(d.left, { short: true }) : '';
  const left = d.workingDaysLeft;
  const colour = d.state === 'overdue' ? 'error.main' : d.state === 'paused' ? 'info.main' : left !== null && left <= 3 ? 'warning.dark' : undefined;
  return (
    <span title={deadlineKindLabel[d.kind]}>
      {formatDateCn(d.dueOn)} {deadlineKindLabel[d.kind].replace(/期限$/, '')}
      <Box component="span" sx={{ ...small, color: colour ?? 'text.secondary', fontWeight: colour ? 600 : undefined }}>
        {state}
      </Box>
    </span>
  );
}
