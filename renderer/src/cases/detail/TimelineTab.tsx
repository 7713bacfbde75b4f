import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { CaseDetail } from '../../../../shared/api/schemas/cases';
import { CenteredMessage } from '../../common/CenteredMessage';
import { formatDateTime } from '../../format';
import { eventDetail, eventTypeLabel } from './eventTypeLabel';

/** 时间线: every event of the case, oldest first, as the append-only record keeps them. */
export function TimelineTab({ events }: { events: CaseDetail['events'] }) {
  if (events.length === 0) return <CenteredMessage>暂无记录</CenteredMessage>;
  return (
    <Table size="small" aria-label="时间线">
      <TableHead>
        <TableRow>
          <TableCell sx={{ width: 160 }}>时间</TableCell>
          <TableCell sx={{ width: 140 }}>经办人</TableCell>
          <TableCell>事项</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {events.map((e) => (
          <TableRow key={e.id}>
            <TableCell>{formatDateTime(e.at)}</TableCell>
            <TableCell>{e.by?.displayName ?? '系统'}</TableCell>
            <TableCell>
              {eventTypeLabel(e.type)}
              {eventDetail(e.type, e.data)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
