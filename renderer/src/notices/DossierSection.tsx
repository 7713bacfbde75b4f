import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { CaseDetail } from '../../../shared/api/schemas/cases';
import { useApi } from '../api/ApiContext';
import { dossierPdfUrl } from '../api/client';
import { useApiQuery } from '../api/useApiQuery';
import { formatDateTime } from '../format';

/**
 * 卷宗 (issue [H]) on a closed or refused case (NoticesTab shows it there): 生成卷宗 binds the case file in the core (its
 * rule says who may and why not: the button shows it), and each version made is listed with
 * 打印 (the stored PDF opened in the browser's viewer, which prints it as bound) and 下载.
 */
export function DossierSection({ c, reload }: { c: CaseDetail; reload: () => void }) {
  const api = useApi();
  const list = useApiQuery('dossier.list', { caseId: c.id });
  const [making, setMaking] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const make = async () => {
    setMaking(true);
    setMessage(null);
    const made = await api.call('dossier.make', { caseId: c.id });
    setMaking(false);
    setMessage(made.ok ? { ok: true, text: `已生成卷宗第 ${made.value.version} 版，共 ${made.value.pages} 页，已存档` } : { ok: false, text: made.error.message });
    list.reload();
    if (made.ok) reload();
  };

  const versions = list.data?.versions ?? [];
  return (
    <section aria-label="卷宗">
      <Typography variant="subtitle2" component="h3" sx={{ color: 'primary.main', fontWeight: 600, mb: 1 }}>
        卷宗
      </Typography>
      <Stack spacing={1}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Tooltip title={list.data?.reason ?? ''} describeChild>
            <span>
              <Button variant="contained" size="small" disabled={making || !list.data?.canMake} onClick={() => void make()}>
                {versions.length ? '重新生成卷宗' : '生成卷宗'}
              </Button>
            </span>
          </Tooltip>
          <Typography variant="body2" color="text.secondary">
            按归档顺序装订：封面、卷内目录、投诉登记表、已签发文书、案件经过、调查清单、证据清单与照片、备考表；再次生成为新版本，旧版本保留。
          </Typography>
        </Stack>
        {making && (
          <Stack spacing={0.5} role="status">
            <Typography variant="body2">正在生成卷宗，请稍候…</Typography>
            <LinearProgress />
          </Stack>
        )}
        {message && (
          <Alert severity={message.ok ? 'success' : 'error'} onClose={() => setMessage(null)}>
            {message.text}
          </Alert>
        )}
        {list.error && <Alert severity="error">{list.error.message}</Alert>}
        {versions.length === 0 ? (
          <Typography color="text.secondary">尚未生成卷宗</Typography>
        ) : (
          <Table size="small" aria-label="卷宗版本">
            <TableHead>
              <TableRow>
                <TableCell>版本</TableCell>
                <TableCell>生成</TableCell>
                <TableCell align="right">页数</TableCell>
                <TableCell>保管期限</TableCell>
                <TableCell>SHA-256</TableCell>
                <TableCell align="right">操作</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {versions.map((v) => (
                <TableRow key={v.id}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>第 {v.version} 版</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(v.madeAt)} {v.madeBy.displayName}
                  </TableCell>
                  <TableCell align="right">{v.pages}</TableCell>
                  <TableCell>{v.retention}</TableCell>
                  <TableCell>
                    <Tooltip title={v.sha256}>
                      <span style={{ fontFamily: 'monospace' }}>{v.sha256.slice(0, 12)}…</span>
                    </Tooltip>
                  </TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    {/* The desktop shell opens no second window (electron/main/hardening.ts): there the file is saved and printed from a PDF reader. */}
                    {!window.api && (
                      <Button size="small" component="a" href={dossierPdfUrl(v.id)} target="_blank" rel="noopener" aria-label={`打印卷宗第 ${v.version} 版`}>
                        打印
                      </Button>
                    )}
                    <Button size="small" component="a" href={dossierPdfUrl(v.id, true)} download={v.fileName} aria-label={`下载卷宗第 ${v.version} 版`}>
                      下载
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Stack>
    </section>
  );
}
