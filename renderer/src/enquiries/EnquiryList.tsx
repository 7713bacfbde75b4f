import ForwardToInboxIcon from '@mui/icons-material/ForwardToInbox';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router-dom';
import type { EnquiryView } from '../../../shared/api/schemas/enquiries';
import { DateFilterField } from '../cases/DateFilterField';
import { CenteredMessage } from '../common/CenteredMessage';
import { formatDateCn, formatDateTime } from '../format';
import type { QueryState } from '../api/useApiQuery';

export const ENQUIRY_PAGE_SIZE = 50;

interface Props {
  day: string;
  today: string;
  onDay: (day: string) => void;
  page: number;
  onPage: (page: number) => void;
  list: QueryState<{ rows: EnquiryView[]; total: number }>;
  onTurnIntoComplaint: (e: EnquiryView) => void;
}

/** The time of day as the register stored it (the office's wall clock). */
const timeOf = (iso: string) => formatDateTime(iso).split(' ')[1] ?? iso;

/** A day's enquiries, newest first: what was asked, what was answered, and the complaint it became. */
export function EnquiryList({ day, today, onDay, page, onPage, list, onTurnIntoComplaint }: Props) {
  const data = list.data;
  return (
    <Paper variant="outlined">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', px: 2, pt: 1.5, pb: 1 }}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }} data-testid="enquiry-day-title">
          {day === today ? '今日咨询' : `${formatDateCn(day)}的咨询`}
          {data ? `（${data.total} 人次）` : ''}
        </Typography>
        <DateFilterField label="日期" value={day} maxDate={today} onChange={(d) => d && onDay(d)} width={196} />
        {day !== today && (
          <Button size="small" onClick={() => onDay(today)}>
            回到今日
          </Button>
        )}
      </Stack>
      {data === null ? (
        <CenteredMessage loading={!list.error}>{list.error?.message}</CenteredMessage>
      ) : data.rows.length === 0 ? (
        <CenteredMessage>{list.error?.message ?? (day === today ? '今天还没有咨询记录' : '这一天没有咨询记录')}</CenteredMessage>
      ) : (
        <>
          <Table size="small" aria-label="咨询记录">
            <TableHead>
              <TableRow>
                <TableCell sx={{ width: 64 }}>时间</TableCell>
                <TableCell sx={{ width: 64 }}>渠道</TableCell>
                <TableCell>咨询事项</TableCell>
                <TableCell>答复内容</TableCell>
                <TableCell sx={{ width: 150 }}>咨询人</TableCell>
                <TableCell sx={{ width: 80 }}>登记人</TableCell>
                <TableCell sx={{ width: 140 }}>投诉</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.rows.map((e) => (
                <TableRow key={e.id} data-testid={`enquiry-${e.id}`} sx={{ verticalAlign: 'top' }}>
                  <TableCell>{timeOf(e.receivedAt)}</TableCell>
                  <TableCell>{e.channel.name}</TableCell>
                  <TableCell sx={{ wordBreak: 'break-word' }}>{e.topic}</TableCell>
                  <TableCell sx={{ wordBreak: 'break-word' }}>{e.answer}</TableCell>
                  <TableCell>{[e.name, e.phone].filter(Boolean).join(' ') || '—'}</TableCell>
                  <TableCell>{e.loggedBy.displayName}</TableCell>
                  <TableCell>
                    {e.case ? (
                      <Link component={RouterLink} to={`/cases/${e.case.id}`} aria-label={`已转为投诉 ${e.case.caseNo}`}>
                        {e.case.caseNo}
                      </Link>
                    ) : (
                      <Button size="small" variant="outlined" startIcon={<ForwardToInboxIcon />} onClick={() => onTurnIntoComplaint(e)} aria-label={`转为投诉：${e.topic}`}>
                        转为投诉
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {data.total > ENQUIRY_PAGE_SIZE && (
            <TablePagination
              component="div"
              count={data.total}
              page={page - 1}
              rowsPerPage={ENQUIRY_PAGE_SIZE}
              rowsPerPageOptions={[ENQUIRY_PAGE_SIZE]}
              onPageChange={(_e, p) => onPage(p + 1)}
              labelDisplayedRows={({ from, to, count }) => `第 ${from}–${to} 条，共 ${count} 条`}
            />
          )}
        </>
      )}
    </Paper>
  );
}
