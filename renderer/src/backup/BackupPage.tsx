import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useState, type ReactNode } from 'react';
import type { OutputOf } from '../../../shared/api/contract';
import type { ApiErrorValue } from '../../../shared/api/errors';
import { formatBytes } from '../../../shared/formatBytes';
import { useApi } from '../api/ApiContext';
import { useApiQuery } from '../api/useApiQuery';
import { CenteredMessage } from '../common/CenteredMessage';
import { formatDateTime } from '../format';
import { BackupHistory } from './BackupHistory';
import { BackupSettings } from './BackupSettings';
import { BackupSummary } from './BackupSummary';
import { KeptCopies } from './KeptCopies';
import { RecoveryCodePanel } from './RecoveryCodePanel';
import { RestorePanel } from './RestorePanel';
import { TaskProgressBar } from './TaskProgressBar';
import { useTaskProgress } from './useTaskProgress';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1.5 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

/** 设置 › 备份与恢复 (admin; 设置 opens on it): the last good backup, back up now or daily, progress and history, restore. */
export function BackupPage() {
  const api = useApi();
  const status = useApiQuery('backup.status', {});
  const [dir, setDir] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<OutputOf<'backup.create'> | null>(null);
  const [error, setError] = useState<ApiErrorValue | null>(null);
  const progress = useTaskProgress(running);
  const s = status.data;

  useEffect(() => {
    if (s && dir === null) setDir(s.settings.dir ?? '');
  }, [s, dir]);

  const backupNow = async () => {
    setRunning(true);
    setResult(null);
    setError(null);
    const r = await api.call('backup.create', { dir: (dir ?? '').trim() });
    setRunning(false);
    if (r.ok) setResult(r.value);
    else setError(r.error);
    status.reload();
  };

  if (!s || dir === null) return <CenteredMessage loading={!status.error}>{status.error?.message}</CenteredMessage>;
  return (
    <Stack spacing={2}>
      <BackupSummary status={s} />
      <Section title="备份">
        <BackupSettings dir={dir} onDirChange={setDir} dailyAt={s.settings.dailyAt} onSaved={status.reload} />
        <Stack direction="row" spacing={2} sx={{ mt: 2, alignItems: 'center' }}>
          <Button variant="contained" disabled={running || dir.trim() === ''} onClick={() => void backupNow()}>
            立即备份
          </Button>
          {s.nextScheduledAt && <Typography color="text.secondary">下次自动备份：{formatDateTime(s.nextScheduledAt)}</Typography>}
        </Stack>
        {running && <TaskProgressBar progress={progress} label="备份进度" />}
        {result && (
          <Alert severity="success" sx={{ mt: 1.5 }}>
            备份完成：案件 {result.cases} 件，证据文件 {result.files} 个（本次新复制 {result.copiedFiles} 个），共 {formatBytes(result.bytes)}，位于 {result.path}
          </Alert>
        )}
        {error && (
          <Alert severity="error" sx={{ mt: 1.5 }}>
            {error.message}
          </Alert>
        )}
      </Section>
      <Section title="备份记录">
        <BackupHistory rows={s.history} />
      </Section>
      <Section title="从备份恢复">
        <RestorePanel key={s.lastGood?.path ?? ''} suggested={s.lastGood?.path ?? null} />
      </Section>
      <Section title="留存的数据副本">
        <KeptCopies />
      </Section>
      <Section title="办公室密钥（换电脑时用）">
        <RecoveryCodePanel />
      </Section>
    </Stack>
  );
}
