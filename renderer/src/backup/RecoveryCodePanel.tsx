import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { ApiErrorValue } from '../../../shared/api/errors';
import { useApi } from '../api/ApiContext';

/**
 * 办公室密钥的恢复码: the seal and every backup are signed with a key kept on this PC only; moving
 * the register to a new PC (restoring a backup there) needs this code. Shown to an administrator
 * who types their password again, each showing written to the audit log; it is never stored on the page.
 */
export function RecoveryCodePanel() {
  const api = useApi();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState<string | null>(null);
  const [error, setError] = useState<ApiErrorValue | null>(null);
  const [busy, setBusy] = useState(false);

  const show = async () => {
    setBusy(true);
    const r = await api.call('officeKey.recoveryCode', { password });
    setBusy(false);
    setPassword('');
    if (!r.ok) return setError(r.error);
    setError(null);
    setCode(r.value.code);
  };

  return (
    <Stack spacing={1.5}>
      <Typography variant="body2" color="text.secondary">
        数据文件的封签和每份备份都用只保存在本机的办公室密钥签名，复制走的数据文件夹无法被改动后再冒充原件。换电脑时，在新电脑上恢复备份需要输入这个恢复码。请抄下后锁在柜子里，不要存在电脑或U盘上。
      </Typography>
      {code ? (
        <Alert severity="warning" onClose={() => setCode(null)}>
          恢复码：<strong style={{ fontFamily: 'monospace', fontSize: '1.1em', letterSpacing: '0.05em' }} data-testid="recovery-code">{code}</strong>
        </Alert>
      ) : (
        <Stack direction="row" spacing={1} component="form" onSubmit={(e) => (e.preventDefault(), void show())}>
          <TextField
            label="再次输入您的密码"
            type="password"
            size="small"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={Boolean(error)}
            helperText={error?.fields?.password ?? error?.message ?? ' '}
            autoComplete="current-password"
          />
          <Button type="submit" variant="outlined" disabled={busy || password === ''} sx={{ alignSelf: 'flex-start', whiteSpace: 'nowrap' }}>
            显示恢复码
          </Button>
        </Stack>
      )}
    </Stack>
  );
}
