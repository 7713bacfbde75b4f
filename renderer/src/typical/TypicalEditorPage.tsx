import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import DownloadIcon from '@mui/icons-material/Download';
import PrintIcon from '@mui/icons-material/Print';
import SaveIcon from '@mui/icons-material/Save';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router-dom';
import type { TypicalDraft } from '../../../shared/api/schemas/typical';
import { TYPICAL_BODY_MAX, TYPICAL_TITLE_MAX } from '../../../shared/api/schemas/typical';
import { useApi } from '../api/ApiContext';
import { CenteredMessage } from '../common/CenteredMessage';
import { FormDialog } from '../common/FormDialog';
import { formatDateTime } from '../format';
import { usePrintTypical } from './printTypical';

const FORMAT_LABEL = { text: '文本', document: '文档（打印/PDF）' } as const;

/** Saves text as a UTF-8 file with a byte-order mark, so Windows Notepad of any age reads the Chinese. */
function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function TypicalEditorPage() {
  const { caseId } = useParams();
  const id = Number(caseId);
  if (!Number.isInteger(id) || id <= 0) return <CenteredMessage>未找到该典型案例</CenteredMessage>;
  return <TypicalEditor key={id} caseId={id} />;
}

/**
 * The write-up of a 典型案例 (issue [H]): the core's anonymised draft, or the supervisor's saved
 * text, edited here and exported as text (.txt, or copied) or as the printed A4 page. The core
 * refuses to keep or export a text that still holds a party's name, phone or ID number.
 */
function TypicalEditor({ caseId }: { caseId: number }) {
  const api = useApi();
  const { print, element: printElement, printing } = usePrintTypical();
  const [draft, setDraft] = useState<TypicalDraft | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ severity: 'success' | 'error' | 'info'; text: string } | null>(null);
  const [unmarking, setUnmarking] = useState(false);
  const dirty = draft !== null && (title !== draft.title || body !== draft.body);

  const load = async (input: { nameBusiness?: boolean; fresh?: boolean } = {}) => {
    const r = await api.call('typical.draft', { caseId, ...input });
    if (!r.ok) return setLoadError(r.error.message);
    setDraft(r.value);
    setTitle(r.value.title);
    setBody(r.value.body);
  };
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per case
  }, [caseId]);

  if (!draft) return loadError ? <CenteredMessage>{loadError}</CenteredMessage> : <CenteredMessage loading />;
  const nameBusiness = draft.nameBusiness;

  const run = async <T,>(work: () => Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>, done: (v: T) => Promise<string | null> | string | null) => {
    setBusy(true);
    setMessage(null);
    try {
      const r = await work();
      if (!r.ok) return setMessage({ severity: 'error', text: r.error.message });
      const text = await done(r.value);
      if (text) setMessage({ severity: 'success', text });
    } finally {
      setBusy(false);
    }
  };

  const save = () =>
    run(
      () => api.call('typical.save', { caseId, nameBusiness, title, body }),
      async () => {
        await load({ nameBusiness });
        return '文稿已保存';
      },
    );

  const exportAs = (format: 'text' | 'document', then: (out: { fileName: string; text: string; office: string; dateCn: string }) => Promise<string | null> | string | null) =>
    run(
      () => api.call('typical.export', { caseId, nameBusiness, format, title, body }),
      async (out) => {
        const said = await then(out);
        await load({ nameBusiness });
        return said;
      },
    );

  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
      e.preventDefault();
      if (!busy) void save();
    }
  };

  return (
    <Box onKeyDown={onKeyDown}>
      {printElement}
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: 1.5 }}>
        <Tooltip title="返回典型案例列表">
          <IconButton aria-label="返回典型案例列表" size="small" component={RouterLink} to="/typical">
            <ArrowBackIcon fontSize="small" />
          </IconButton>
        </Tooltip>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 600 }}>
          典型案例文稿
        </Typography>
        <Button size="small" component={RouterLink} to={`/cases/${caseId}`}>
          案件 {draft.caseNo}
        </Button>
        {draft.saved ? (
          <Typography variant="body2" color="text.secondary">
            已保存：{draft.saved.by.displayName} {formatDateTime(draft.saved.at)}
          </Typography>
        ) : (
          <Typography variant="body2" color="text.secondary">
            按案件记录生成的初稿，当事人已匿名
          </Typography>
        )}
        <Button size="small" color="error" sx={{ ml: 'auto' }} onClick={() => setUnmarking(true)}>
          撤销典型案例
        </Button>
      </Stack>
      {unmarking && <UnmarkDialog caseId={caseId} onClose={() => setUnmarking(false)} />}

      <Stack spacing={1.5}>
        {draft.consentPublication === null && <Alert severity="warning">登记时未询问投诉人是否同意公开；发布前请与投诉人确认。</Alert>}
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }} aria-label="当事人在文稿中的称谓" role="group">
          <Typography variant="body2" color="text.secondary">
            文稿中的称谓：
          </Typography>
          {draft.pseudonyms.map((p) => (
            <Chip key={p.role} size="small" label={`${p.role}：${p.shown}`} />
          ))}
          <Tooltip title={dirty ? '文稿已修改：请先保存，或点“重新生成初稿”放弃修改后再切换' : '切换后按新的选择重新生成初稿'}>
            <FormControlLabel
              sx={{ ml: 1 }}
              control={<Switch checked={nameBusiness} disabled={dirty || busy} onChange={(_e, on) => void load({ nameBusiness: on, fresh: true })} />}
              label="公开经营者名称"
            />
          </Tooltip>
        </Stack>

        <Paper variant="outlined" sx={{ p: 2 }}>
          <Stack spacing={2}>
            <TextField
              label="标题"
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              slotProps={{ htmlInput: { maxLength: TYPICAL_TITLE_MAX } }}
              fullWidth
            />
            <TextField
              label="正文"
              value={body}
              onChange={(e) => setBody(e.target.value)}
              multiline
              minRows={12}
              maxRows={22}
              fullWidth
              helperText="【基本案情】【处理过程】【处理结果】【案例点评】各占一行，打印时作小标题。保存：Ctrl+S"
              slotProps={{ htmlInput: { maxLength: TYPICAL_BODY_MAX, 'aria-label': '正文' } }}
            />
          </Stack>
        </Paper>

        {message && (
          <Alert severity={message.severity} onClose={() => setMessage(null)} data-testid="typical-message">
            {message.text}
          </Alert>
        )}

        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <Button variant="contained" startIcon={<SaveIcon />} disabled={busy || !dirty} onClick={() => void save()}>
            保存文稿
          </Button>
          <Button variant="outlined" startIcon={<DownloadIcon />} disabled={busy} onClick={() => void exportAs('text', (out) => (downloadText(out.fileName, out.text), `已导出文本：${out.fileName}`))}>
            导出文本（.txt）
          </Button>
          <Button
            variant="outlined"
            startIcon={<ContentCopyIcon />}
            disabled={busy}
            onClick={() =>
              void exportAs('text', async (out) => {
                await navigator.clipboard.writeText(out.text);
                return '已复制文稿全文，可粘贴到网站或公众号编辑器';
              })
            }
          >
            复制文本
          </Button>
          <Button
            variant="outlined"
            startIcon={<PrintIcon />}
            disabled={busy || printing}
            onClick={() => void exportAs('document', async (out) => (await print({ title, body, office: out.office, dateCn: out.dateCn })) ?? '已送打印（在打印对话框中可另存为PDF）')}
          >
            打印 / 另存为PDF
          </Button>
          <Button disabled={busy} onClick={() => void load({ nameBusiness, fresh: true })}>
            重新生成初稿
          </Button>
        </Stack>

        <Box>
          <Typography variant="subtitle2" component="h2" sx={{ mb: 0.5 }}>
            导出记录
          </Typography>
          {draft.exports.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              尚未导出
            </Typography>
          ) : (
            <Box component="ul" sx={{ m: 0, pl: 2.5 }} data-testid="typical-exports">
              {[...draft.exports].reverse().map((e) => (
                <li key={e.at + e.format}>
                  <Typography variant="body2">
                    {formatDateTime(e.at)} {e.by.displayName} 导出{FORMAT_LABEL[e.format]}：{e.title}
                  </Typography>
                </li>
              ))}
            </Box>
          )}
        </Box>
      </Stack>
    </Box>
  );
}

/** 撤销典型案例: with a reason; the saved write-up goes on the case's timeline, then back to the list. */
function UnmarkDialog({ caseId, onClose }: { caseId: number; onClose: () => void }) {
  const api = useApi();
  const navigate = useNavigate();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async () => {
    setBusy(true);
    const r = await api.call('typical.unmark', { caseId, reason });
    setBusy(false);
    if (!r.ok) return setProblem(r.error.message);
    void navigate('/typical');
  };
  return (
    <FormDialog title="撤销典型案例" onClose={onClose} onSubmit={() => void submit()} submitLabel="撤销" busy={busy} blocked={!reason.trim()} danger>
      <Typography variant="body2">撤销后本案不再列为典型案例；已保存的文稿与撤销原因记入案件时间线，导出记录保留。</Typography>
      <TextField label="撤销原因" value={reason} onChange={(e) => setReason(e.target.value)} autoFocus required fullWidth error={problem !== null} helperText={problem ?? ' '} />
    </FormDialog>
  );
}
