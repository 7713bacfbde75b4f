import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { CaseDetail } from '../../../../../shared/api/schemas/cases';
import { useApiQuery } from '../../../api/useApiQuery';
import { CenteredMessage } from '../../../common/CenteredMessage';
import { formatDateTime } from '../../../format';
import { describeEvent, type Names } from './eventText';

type Item = { code: string; text?: string; name?: string };
const finder = (items: Item[] | undefined) => (code: string) => {
  const item = items?.find((i) => i.code === code);
  return item ? (item.text ?? item.name ?? code) : code;
};

/** 时间线: every event of the case, oldest first — who, when, what, the status before → after, and the details. */
export function TimelineTab({ events }: { events: CaseDetail['events'] }) {
  const catalog = useApiQuery('catalog.get', {});
  if (events.length === 0) return <CenteredMessage>暂无记录</CenteredMessage>;
  let handler: string | null = null;
  const rows = events.map((e) => {
    const names: Names = {
      refusalGround: finder(catalog.data?.refusalGrounds),
      terminationGround: finder(catalog.data?.terminationGrounds),
      measure: finder([...(catalog.data?.measures ?? []), ...(catalog.data?.retired.filter((r) => r.kind === 'measure') ?? [])]),
      handlerBefore: handler,
    };
    if (e.type === 'assign' && typeof e.data.handlerName === 'string') handler = e.data.handlerName;
    return { e, ...describeEvent(e.type, e.data, names) };
  });
  return (
    <Table size="small" aria-label="时间线">
      <TableHead>
        <TableRow>
          <TableCell sx={{ width: 150, whiteSpace: 'nowrap' }}>时间</TableCell>
          <TableCell sx={{ width: 100 }}>经办人</TableCell>
          <TableCell sx={{ width: 120 }}>事项</TableCell>
          <TableCell sx={{ width: 190 }}>状态</TableCell>
          <TableCell>详情</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(({ e, what, change, details }) => (
          <TableRow key={e.id} sx={{ verticalAlign: 'top' }}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</TableCell>
            <TableCell>{e.by?.displayName ?? '系统'}</TableCell>
            <TableCell sx={{ fontWeight: 600 }}>{what}</TableCell>
            <TableCell>{change ?? '—'}</TableCell>
            <TableCell>
              {details.map((d, i) => (
                <Typography key={i} variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {d}
                </Typography>
              ))}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
