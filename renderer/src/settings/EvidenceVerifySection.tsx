import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { useApi } from '../api/ApiContext';

/** 证据库校验: re-hashes every file of the vault (the upload limit is set in 办公设置 › 证据). */
export function EvidenceVerifySection() {
  const api = useApi();
  const [notice, setNotice] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
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

  return (
    <Stack spacing={1.5} sx={{ alignItems: 'flex-start' }}>
      {notice && <Alert severity={notice.severity}>{notice.text}</Alert>}
      <Button variant="outlined" onClick={() => void verifyAll()} disabled={verifying}>
        {verifying ? '正在校验整个证据库…' : '校验整个证据库'}
      </Button>
    </Stack>
  );
}
