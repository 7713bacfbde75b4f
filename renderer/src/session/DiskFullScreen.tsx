import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { OutputOf } from '../../../shared/api/contract';
import { formatBytes } from '../../../shared/formatBytes';
import { KeptCopies } from '../backup/KeptCopies';

type Room = NonNullable<OutputOf<'setup.status'>['room']>;

/**
 * The register could not be upgraded for want of disk space (setup.status problem `diskFull`; only
 * an administrator signs in then): what is short, and the copies the app kept in the data folder,
 * the usual cause (each as large as the register). The core starts the upgrade itself once the disk
 * has the room (a removal here, or files cleared outside the program); `onUpgrading` then hands the
 * window to the upgrade screen, and SessionGate looks at the room again meanwhile.
 */
export function DiskFullScreen(props: { room: Room; onUpgrading: () => void; onRoomChanged: () => void; onLogout: () => void }) {
  const { room } = props;
  const short = Math.max(0, room.neededBytes - room.freeBytes);
  return (
    <Box sx={{ maxWidth: 960, mx: 'auto', mt: 6, px: 2 }}>
      <Paper variant="outlined" sx={{ p: 4 }} data-testid="disk-full-screen">
        <Typography variant="h5" component="h1" gutterBottom>
          磁盘空间不足，数据文件未能升级
        </Typography>
        <Typography color="text.secondary">
          {`新版本程序要先把登记簿复制一份留底，再升级其中的表，为此需要 ${formatBytes(room.neededBytes)} 的空余空间；数据文件所在磁盘现有 ${formatBytes(room.freeBytes)}，还需腾出 `}
          <strong>{formatBytes(short)}</strong>。登记簿未作任何改动。
        </Typography>
        <Stack spacing={2} sx={{ mt: 3 }}>
          <Typography variant="h6" component="h2">
            留存的数据副本
          </Typography>
          <KeptCopies onRemoved={(r) => (r.room?.upgrading ? props.onUpgrading() : props.onRoomChanged())} />
          <Alert severity="info">也可以清理这块磁盘上的其他文件。程序每隔几秒查看一次磁盘，空间够了即自动开始升级，无需重新启动。</Alert>
        </Stack>
        <Stack direction="row" spacing={1.5} sx={{ mt: 3 }}>
          <Button onClick={props.onLogout}>退出登录</Button>
        </Stack>
      </Paper>
    </Box>
  );
}
