import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import dayjs from 'dayjs';
import { useEffect, useState, type ReactNode } from 'react';
import type { EvidenceView } from '../../../shared/api/schemas/evidence';
import { evidenceKindLabel, evidenceKinds, evidenceSourceLabel, evidenceSources, type EvidenceKind, type EvidenceSource } from '../../../shared/domain/evidence';
import { useApi } from '../api/ApiContext';

/** A small form dialog: a title, fields, a problem line and one submit button. */
function FormDialog({ open, title, submit, busy, problem, onClose, onSubmit, children }: { open: boolean; title: string; submit: string; busy: boolean; problem: string | null; onClose: () => void; onSubmit: () => void; children: ReactNode }) {
  return (
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 0.5 }}>
            {problem && <Alert severity="error">{problem}</Alert>}
            {children}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>取消</Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {submit}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/** 作废: the reason is required; the file stays in the vault and on the record. */
export function VoidDialog({ e, onClose, onDone }: { e: EvidenceView | null; onClose: () => void; onDone: () => void }) {
  const api = useApi();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setReason('');
    setProblem(null);
  }, [e]);
  const submit = async () => {
    if (!e) return;
    setBusy(true);
    const r = await api.call('evidence.void', { id: e.id, reason });
    setBusy(false);
    if (!r.ok) return setProblem(r.error.fields?.reason ?? r.error.message);
    onDone();
    onClose();
  };
  return (
    <FormDialog open={e !== null} title={`作废证据${e?.id ?? ''}`} submit="作废" busy={busy} problem={problem} onClose={onClose} onSubmit={() => void submit()}>
      <DialogContentText>作废后该证据仍保留在证据库和案件记录中，只是不再计入本案证据、不再导出。</DialogContentText>
      <TextField label="作废理由" required autoFocus multiline minRows={2} value={reason} onChange={(ev) => setReason(ev.target.value)} slotProps={{ htmlInput: { maxLength: 500 } }} />
    </FormDialog>
  );
}

/** 修改信息: kind, description, source, capture time — each change kept on the case's timeline. */
export function DescribeDialog({ e, onClose, onDone }: { e: EvidenceView | null; onClose: () => void; onDone: () => void }) {
  const api = useApi();
  const [kind, setKind] = useState<EvidenceKind>('document');
  const [description, setDescription] = useState('');
  const [source, setSource] = useState<EvidenceSource | ''>('');
  const [capturedAt, setCapturedAt] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!e) return;
    setKind(e.kind);
    setDescription(e.description ?? '');
    setSource(e.source ?? '');
    // The office's wall-clock time as written by the core (YYYY-MM-DDTHH:mm).
    setCapturedAt(e.capturedAt?.slice(0, 16) ?? '');
    setProblem(null);
  }, [e]);
  const submit = async () => {
    if (!e) return;
    setBusy(true);
    const r = await api.call('evidence.describe', {
      id: e.id,
      kind,
      description,
      source: source || null,
      // With the PC's offset, as the register form sends its times; the core stores it in office time.
      capturedAt: capturedAt ? dayjs(capturedAt).format('YYYY-MM-DDTHH:mm:ssZ') : null,
    });
    setBusy(false);
    if (!r.ok) return setProblem(r.error.message);
    onDone();
    onClose();
  };
  return (
    <FormDialog open={e !== null} title={`修改证据${e?.id ?? ''}的信息`} submit="保存" busy={busy} problem={problem} onClose={onClose} onSubmit={() => void submit()}>
      <TextField select label="证据种类" value={kind} onChange={(ev) => setKind(ev.target.value as EvidenceKind)}>
        {evidenceKinds.map((k) => (
          <MenuItem key={k} value={k}>
            {evidenceKindLabel[k]}
          </MenuItem>
        ))}
      </TextField>
      <TextField select label="来源" value={source} onChange={(ev) => setSource(ev.target.value as EvidenceSource)}>
        <MenuItem value="">未说明</MenuItem>
        {evidenceSources.map((s) => (
          <MenuItem key={s} value={s}>
            {evidenceSourceLabel[s]}
          </MenuItem>
        ))}
      </TextField>
      <TextField label="形成时间" type="datetime-local" value={capturedAt} onChange={(ev) => setCapturedAt(ev.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
      <TextField label="说明" multiline minRows={2} value={description} onChange={(ev) => setDescription(ev.target.value)} slotProps={{ htmlInput: { maxLength: 500 } }} />
    </FormDialog>
  );
}

/** 导出: to a folder on this PC (e.g. a USB stick); the core makes a new folder inside it with SHA256SUMS. */
export function ExportDialog({ caseId, open, onClose, onDone }: { caseId: number; open: boolean; onClose: () => void; onDone: (message: string) => void }) {
  const api = useApi();
  const [dir, setDir] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setProblem(null);
    const r = await api.call('evidence.export', { caseId, dir });
    setBusy(false);
    if (!r.ok) return setProblem(r.error.message);
    onDone(`已导出 ${r.value.files} 个文件到 ${r.value.dir}；校验清单 ${r.value.manifest} 可用 sha256sum -c SHA256SUMS 核对`);
    onClose();
  };
  return (
    <FormDialog open={open} title="导出本案证据" submit={busy ? '正在导出…' : '导出'} busy={busy} problem={problem} onClose={onClose} onSubmit={() => void submit()}>
      <DialogContentText>将在所选文件夹中新建“案件编号-证据-时间”文件夹，复制全部未作废的证据，并附 SHA256SUMS 校验清单和证据清单.csv。</DialogContentText>
      <TextField label="导出到文件夹" required autoFocus placeholder="如 E:\ 或 /media/u盘" value={dir} onChange={(ev) => setDir(ev.target.value)} />
    </FormDialog>
  );
}
