import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import type { OutputOf } from '../../../shared/api/contract';
import type { ApiErrorValue } from '../../../shared/api/errors';
import { formatBytes } from '../../../shared/formatBytes';
import { useApi } from '../api/ApiContext';
import { formatDateTime } from '../format';
import { TaskProgressBar } from './TaskProgressBar';
import { UnderstoodDialog } from './UnderstoodDialog';
import { useTaskProgress } from './useTaskProgress';

type Verified = OutputOf<'backup.verify'>;

/**
 * 从备份恢复: check a backup first and show what it holds; only a sound one can be restored, and
 * only after the administrator confirms that the current data is set aside (renamed, kept).
 */
export function RestorePanel({ suggested }: { suggested: string | null }) {
  const api = useApi();
  const [path, setPath] = useState(suggested ?? '');
  // Only a backup brought from another PC needs it: its office key comes with the recovery code.
  const [recoveryCode, setRecoveryCode] = useState('');
  const [busy, setBusy] = useState<'verify' | 'restore' | null>(null);
  const [verified, setVerified] = useState<{ path: string; value: Verified } | null>(null);
  const [error, setError] = useState<ApiErrorValue | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<OutputOf<'backup.restore'> | null>(null);
  const progress = useTaskProgress(busy !== null);

  const verify = async () => {
    setBusy('verify');
    setVerified(null);
    const r = await api.call('backup.verify', { path: path.trim(), ...(recoveryCode.trim() ? { recoveryCode: recoveryCode.trim() } : {}) });
    setBusy(null);
    if (!r.ok) return setError(r.error);
    setError(null);
    setVerified({ path: path.trim(), value: r.value });
  };

  const restore = async () => {
    if (!verified) return;
    setConfirming(false);
    setBusy('restore');
    const r = await api.call('backup.restore', { path: verified.path, confirm: true, ...(recoveryCode.trim() ? { recoveryCode: recoveryCode.trim() } : {}) });
    setBusy(null);
    if (!r.ok) return setError(r.error);
    setDone(r.value);
  };

  if (done) {
    return (
      <Alert severity="success" action={<Button color="inherit" onClick={() => window.location.reload()}>重新登录</Button>}>
        已从备份恢复：案件 {done.cases} 件，证据文件 {done.files} 个。原来的数据已整体移到 {done.setAside}，没有删除。请用备份中的账号重新登录。
      </Alert>
    );
  }

  const v = verified?.value;
  return (
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={1} component="form" onSubmit={(e) => (e.preventDefault(), void verify())}>
        <TextField
          label="备份文件夹"
          value={path}
          onChange={(e) => (setPath(e.target.value), setVerified(null))}
          error={Boolean(error?.fields?.path)}
          helperText={error?.fields?.path ?? '以 complaintdesk-backup- 开头的文件夹的完整路径'}
          size="small"
          fullWidth
          slotProps={{ htmlInput: { spellCheck: false } }}
        />
        <Button type="submit" variant="outlined" disabled={busy !== null || path.trim() === ''} sx={{ whiteSpace: 'nowrap', alignSelf: 'flex-start' }}>
          检查备份
        </Button>
      </Stack>
      {(recoveryCode !== '' || v?.problems.some((p) => p.message.includes('恢复码'))) && (
        <TextField
          label="恢复码"
          value={recoveryCode}
          onChange={(e) => (setRecoveryCode(e.target.value), setVerified(null))}
          error={Boolean(error?.fields?.recoveryCode)}
          helperText={error?.fields?.recoveryCode ?? '另一台电脑上制作的备份需要原单位的恢复码（56 个字母和数字，每 4 个一组）；输入后再点“检查备份”'}
          size="small"
          fullWidth
          slotProps={{ htmlInput: { spellCheck: false, autoComplete: 'off' } }}
        />
      )}
      {busy && <TaskProgressBar progress={progress} label={busy === 'verify' ? '检查进度' : '恢复进度'} />}
      {error && <Alert severity="error">{error.message}</Alert>}
      {v && (
        <Alert severity={v.ok ? 'success' : 'error'} data-testid="verify-result">
          {v.ok ? '备份完好' : '备份未通过检查，不能用来恢复'}：{v.officeName ?? ''}，备份于 {v.createdAt ? formatDateTime(v.createdAt) : '未知时间'}，案件 {v.cases} 件，证据文件 {v.files} 个，共 {formatBytes(v.bytes)}
          {v.problems.slice(0, 5).map((p) => (
            <div key={p.file}>
              {p.file}：{p.message}
            </div>
          ))}
        </Alert>
      )}
      {v?.ok && (
        <Button variant="contained" color="warning" sx={{ alignSelf: 'flex-start' }} disabled={busy !== null} onClick={() => setConfirming(true)}>
          用这份备份恢复…
        </Button>
      )}
      <UnderstoodDialog
        open={confirming}
        title="用备份替换当前数据？"
        text={`当前的数据库和证据文件会整体移到数据文件夹里的 before-restore-（日期时间）文件夹保留，不会删除；备份（${v?.createdAt ? formatDateTime(v.createdAt) : ''}）之后的登记和改动不在备份中。恢复后所有人需要重新登录。`}
        understood="我已了解，确认恢复"
        action="恢复"
        onCancel={() => setConfirming(false)}
        onConfirm={() => void restore()}
      />
    </Stack>
  );
}
