import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { BackupRow } from '../../../shared/api/schemas/backup';
import { formatBytes } from '../../../shared/formatBytes';
import { formatDateTime } from '../format';

export function BackupHistory({ rows }: { rows: BackupRow[] }) {
  if (rows.length === 0) return <Typography color="text.secondary">还没有备份记录</Typography>;
  return (
    <Table size="small" aria-label="备份记录">
      <TableHead>
        <TableRow>
          <TableCell>时间</TableCell>
          <TableCell>方式</TableCell>
          <TableCell>结果</TableCell>
          <TableCell align="right">案件</TableCell>
          <TableCell align="right">证据文件</TableCell>
          <TableCell align="right">大小</TableCell>
          <TableCell>位置或原因</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.id}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.finishedAt)}</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{r.kind === 'scheduled' ? '每日自动' : `手动（${r.by ?? ''}）`}</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap', color: r.ok ? 'success.main' : 'error.main' }}>{r.ok ? '完好' : '失败'}</TableCell>
            <TableCell align="right">{r.cases ?? '—'}</TableCell>
            <TableCell align="right">{r.files ?? '—'}</TableCell>
            <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>{r.bytes === null ? '—' : formatBytes(r.bytes)}</TableCell>
            <TableCell sx={{ wordBreak: 'break-all' }}>{r.ok ? r.path : r.error}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
