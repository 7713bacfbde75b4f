import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import InputAdornment from '@mui/material/InputAdornment';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';
import { useApi } from '../api/ApiContext';
import { useApiQuery } from '../api/useApiQuery';

const GB = 1024 ** 3;

/** 证据: the largest single file the desk accepts (default 8 GB: phone videos run to several GB). */
export function EvidenceLimitSection() {
  const api = useApi();
  const settings = useApiQuery('evidenceSettings.get', {});
  const [gb, setGb] = useState('');
  const [notice, setNotice] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  useEffect(() => {
    if (settings.data) setGb(String(Math.round((settings.data.maxBytes / GB) * 100) / 100));
  }, [settings.data]);

  const [verifying, setVerifying] = useState(false);
  const verifyAll = async () => {
    setVerifying(true);
    setNotice(null);
    const r = await api.call('evidence.verify', {});
    setVerifying(false);
    if (!r.ok) return setNotice({ severity: 'error', text: r.error.message });
    const { checked, problems } = r.value;
    setNotice(
      problems.length === 0
        ? { severity: 'success', text: `已校验证据库中的 ${checked} 项证据，文件全部完好；结果已记入各案件的时间线` }
        : { severity: 'error', text: `已校验 ${checked} 项证据，${problems.length} 项有问题（${problems.map((p) => `证据${p.evidenceId}${p.problem === 'missing' ? '缺失' : '被改动'}`).join('、')}），详见各案件的时间线；请从备份恢复` },
    );
  };

  const save = async () => {
    const value = Number(gb);
    if (!Number.isFinite(value) || value <= 0) return setNotice({ severity: 'error', text: '请填写大于 0 的数字，单位 GB，如 8' });
    const r = await api.call('evidenceSettings.save', { maxBytes: Math.round(value * GB) });
    setNotice(r.ok ? { severity: 'success', text: '已保存' } : { severity: 'error', text: r.error.message });
    settings.reload();
  };

  return (
    <Stack
      component="form"
      spacing={1.5}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {notice && <Alert severity={notice.severity}>{notice.text}</Alert>}
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
        <TextField
          label="单个证据文件大小上限"
          value={gb}
          onChange={(e) => setGb(e.target.value)}
          sx={{ maxWidth: 240 }}
          slotProps={{ input: { endAdornment: <InputAdornment position="end">GB</InputAdornment> }, htmlInput: { inputMode: 'decimal' } }}
        />
        <Button type="submit" variant="contained">
          保存
        </Button>
        <Button variant="outlined" onClick={() => void verifyAll()} disabled={verifying}>
          {verifying ? '正在校验整个证据库…' : '校验整个证据库'}
        </Button>
      </Stack>
    </Stack>
  );
}
