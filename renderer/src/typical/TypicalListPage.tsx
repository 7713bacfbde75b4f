import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router-dom';
import { useApiQuery } from '../api/useApiQuery';
import { CenteredMessage } from '../common/CenteredMessage';
import { formatDateCn, formatDateTime } from '../format';

/**
 * 典型案例 (issue [H]): the closed cases supervisors marked as typical, newest first; each opens
 * its write-up. Cases are marked from their own page (标记为典型案例, once closed).
 */
export function TypicalListPage() {
  const list = useApiQuery('typical.list', { page: 1, pageSize: 200 });
  if (!list.data) return list.error ? <CenteredMessage>{list.error.message}</CenteredMessage> : <CenteredMessage loading />;
  const { rows, total } = list.data;
  return (
    <Box>
      <Typography variant="h5" component="h1" sx={{ fontWeight: 600, mb: 1 }}>
        典型案例
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        已结案的案件，在案件页由负责人“标记为典型案例”后列在这里；打开文稿可修改、导出文本或打印。当事人的姓名、电话、证件号码不会出现在导出的文稿中。
      </Typography>
      {total > rows.length && <Alert severity="info">共 {total} 件，显示最近标记的 {rows.length} 件</Alert>}
      <Paper variant="outlined">
        <Table size="small" aria-label="典型案例">
          <TableHead>
            <TableRow>
              <TableCell>案件编号</TableCell>
              <TableCell>文稿标题</TableCell>
              <TableCell>类别</TableCell>
              <TableCell>结案日期</TableCell>
              <TableCell>标记</TableCell>
              <TableCell>导出</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.length === 0 && (
              <TableRow>
                <TableCell colSpan={6}>
                  <Typography variant="body2" color="text.secondary">
                    还没有典型案例
                  </Typography>
                </TableCell>
              </TableRow>
            )}
            {rows.map((r) => (
              <TableRow key={r.caseId} hover>
                <TableCell>
                  <Link component={RouterLink} to={`/cases/${r.caseId}`}>
                    {r.caseNo}
                  </Link>
                </TableCell>
                <TableCell>
                  <Link component={RouterLink} to={`/typical/${r.caseId}`}>
                    {r.title ?? `${r.subject}（未编辑）`}
                  </Link>
                </TableCell>
                <TableCell>{r.categoryName}</TableCell>
                <TableCell>{r.closedOn ? formatDateCn(r.closedOn) : ''}</TableCell>
                <TableCell>
                  {r.markedBy.displayName} {formatDateCn(r.markedAt)}
                </TableCell>
                <TableCell>{r.exports === 0 ? '未导出' : `${r.exports} 次，最近 ${formatDateTime(r.lastExportedAt!)}`}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
    </Box>
  );
}
