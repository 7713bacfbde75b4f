import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import type { ApiErrorValue } from '../../../shared/api/errors';
import { useApi } from '../api/ApiContext';

interface Props {
  dir: string;
  onDirChange: (dir: string) => void;
  dailyAt: string | null;
  onSaved: () => void;
}

/** Where backups go and whether one is made every day at closing time (office settings). */
export function BackupSettings({ dir, onDirChange, dailyAt, onSaved }: Props) {
  const api = useApi();
  const [daily, setDaily] = useState(dailyAt !== null);
  const [time, setTime] = useState(dailyAt ?? '17:30');
  const [error, setError] = useState<ApiErrorValue | null>(null);
  const [saved, setSaved] = useState(false);

  const save = async () => {
    setSaved(false);
    // The backup section of 办公设置 (one service, one audit action for every settings change).
    const r = await api.call('officeSettings.saveSection', { section: 'backup', values: { dir: dir.trim() === '' ? null : dir.trim(), dailyAt: daily ? time : null } });
    if (!r.ok) return setError(r.error);
    setError(null);
    setSaved(true);
    onSaved();
  };

  return (
    <Stack spacing={1.5} component="form" onSubmit={(e) => (e.preventDefault(), void save())}>
      <TextField
        label="备份位置"
        value={dir}
        onChange={(e) => onDirChange(e.target.value)}
        error={Boolean(error?.fields?.['values.dir'])}
        helperText={error?.fields?.['values.dir'] ?? '运行本系统的这台电脑上的文件夹完整路径，最好在另一块硬盘或U盘上，如 E:\\投诉备份'}
        fullWidth
        size="small"
        slotProps={{ htmlInput: { spellCheck: false } }}
      />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <FormControlLabel control={<Checkbox checked={daily} onChange={(e) => setDaily(e.target.checked)} />} label="每天自动备份，时间：" />
        <TextField
          label="每日备份时间"
          placeholder="17:30"
          size="small"
          value={time}
          disabled={!daily}
          onChange={(e) => setTime(e.target.value)}
          error={Boolean(error?.fields?.['values.dailyAt'])}
          helperText={error?.fields?.['values.dailyAt'] ?? '下班时间；程序开着时自动进行，错过的在下次启动时补做'}
          sx={{ width: 320 }}
          slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 5 } }}
        />
        <Button type="submit" variant="outlined">
          保存设置
        </Button>
      </Stack>
      {error && !error.fields && <Alert severity="error">{error.message}</Alert>}
      {saved && <Alert severity="success">备份设置已保存</Alert>}
    </Stack>
  );
}
