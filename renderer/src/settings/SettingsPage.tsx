import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router-dom';
import { useApiQuery } from '../api/useApiQuery';
import { BackupSummary } from '../backup/BackupSummary';
import { CenteredMessage } from '../common/CenteredMessage';

/** 设置 (admin): the office's settings; for now the backup, with the last good one and its age. */
export function SettingsPage() {
  const status = useApiQuery('backup.status', {});
  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h1">
        设置
      </Typography>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1.5 }}>
          备份
        </Typography>
        {status.data ? <BackupSummary status={status.data} /> : <CenteredMessage loading={!status.error}>{status.error?.message}</CenteredMessage>}
        <Button component={RouterLink} to="/settings/backup" variant="outlined" sx={{ mt: 1.5 }}>
          备份与恢复…
        </Button>
      </Paper>
    </Stack>
  );
}
