import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { OutputOf } from '../../../shared/api/contract';
import type { ApiErrorValue } from '../../../shared/api/errors';
import { formatBytes } from '../../../shared/formatBytes';
import { useApi } from '../api/ApiContext';
import { useApiQuery } from '../api/useApiQuery';
import { formatDateTime } from '../format';
import { UnderstoodDialog } from './UnderstoodDialog';

type Copy = OutputOf<'backup.keptCopies'>['copies'][number];
type Removal = OutputOf<'backup.removeKeptCopy'>;

const what = (c: Copy) => (c.kind === 'beforeMigration' ? `升级前的数据文件（版本 ${c.version ?? '?'}）` : '恢复前的数据（数据库与证据文件）');

/** What is lost with it, said before the administrator confirms. */
const lost = (c: Copy) =>
  c.kind === 'beforeMigration'
    ? '这是升级前自动复制的数据文件。当前登记簿已包含其中的全部数据，删除它只是不能再退回旧版程序使用。'
    : '这是从备份恢复前的数据库与证据文件。其中可能有那次恢复所用的备份之后的登记和改动，当前登记簿中没有，删除后无法找回。';

/**
 * 留存的数据副本: what the app set aside in the data folder (before an upgrade, before a restore) and
 * never deletes itself. `onRemoved`: told of each removal (on a full disk, whether the upgrade began).
 */
export function KeptCopies({ onRemoved }: { onRemoved?: (r: Removal) => void } = {}) {
  const api = useApi();
  const list = useApiQuery('backup.keptCopies', {});
  const [confirming, setConfirming] = useState<Copy | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorValue | null>(null);
  const [removed, setRemoved] = useState<Removal | null>(null);

  const remove = async (c: Copy) => {
    setConfirming(null);
    setBusy(true);
    const r = await api.call('backup.removeKeptCopy', { name: c.name, confirm: true });
    setBusy(false);
    if (r.ok) {
      setRemoved(r.value);
      setError(null);
      onRemoved?.(r.value);
    } else setError(r.error);
    list.reload();
  };

  if (!list.data) return <Typography color={list.error ? 'error' : 'text.secondary'}>{list.error?.message ?? '正在读取…'}</Typography>;
  const { copies, bytes } = list.data;
  return (
    <Stack spacing={1.5}>
      <Typography color="text.secondary">
        升级和从备份恢复之前，程序会把原来的数据留在数据文件夹里，不会自行删除。登记簿很大时每份都很大，下一次升级也需要同样多的空余磁盘空间。
      </Typography>
      {copies.length === 0 ? (
        <Typography color="text.secondary">数据文件夹中没有留存的副本</Typography>
      ) : (
        <Table size="small" aria-label="留存的数据副本">
          <TableHead>
            <TableRow>
              <TableCell>留存时间</TableCell>
              <TableCell>内容</TableCell>
              <TableCell align="right">大小</TableCell>
              <TableCell>位置（数据文件夹内）</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {copies.map((c) => (
              <TableRow key={c.name}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(c.at)}</TableCell>
                <TableCell>{what(c)}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {formatBytes(c.bytes)}
                </TableCell>
                <TableCell sx={{ wordBreak: 'break-all' }}>{c.name}</TableCell>
                <TableCell align="right">
                  <Button size="small" color="warning" disabled={busy} onClick={() => setConfirming(c)} aria-label={`删除${what(c)}`}>
                    删除…
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {copies.length > 1 && <Typography color="text.secondary">共 {formatBytes(bytes)}</Typography>}
      {removed && (
        <Alert severity="success">
          已删除{what(removed.removed)}，腾出 {formatBytes(removed.removed.bytes)}
          {removed.room && !removed.room.upgrading && `。升级仍需再腾出 ${formatBytes(removed.room.neededBytes - removed.room.freeBytes)}`}
        </Alert>
      )}
      {error && <Alert severity="error">{error.message}</Alert>}
      <UnderstoodDialog
        open={confirming !== null}
        title={`删除${confirming ? what(confirming) : ''}？`}
        text={confirming ? `${lost(confirming)}（${formatDateTime(confirming.at)}，${formatBytes(confirming.bytes)}）` : ''}
        understood="我已了解，删除后无法找回"
        action="删除"
        onCancel={() => setConfirming(null)}
        onConfirm={() => confirming && void remove(confirming)}
      />
    </Stack>
  );
}
