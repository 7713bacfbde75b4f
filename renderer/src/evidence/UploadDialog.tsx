import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { evidenceKindLabel, evidenceKinds, evidenceSourceLabel, evidenceSources, formatBytes, type EvidenceKind, type EvidenceSource } from '../../../shared/domain/evidence';
import { useUploads, type UploadEntry } from './useUploads';

interface Props {
  caseId: number;
  /** A new batch picked or dropped; null when the dialog is closed. */
  files: File[] | null;
  onClose: () => void;
  onUploaded: () => void;
}

const percent = (e: UploadEntry) => (e.file.size === 0 ? 0 : Math.min(100, (e.sent / e.file.size) * 100));

/** 添加证据: the files to add with their kind and description, then each one's progress and the whole batch's. */
export function UploadDialog({ caseId, files, onClose, onUploaded }: Props) {
  const uploads = useUploads(caseId);
  const [source, setSource] = useState<EvidenceSource | ''>('complainant');
  const { prepare } = uploads;
  useEffect(() => {
    if (files) prepare(files);
  }, [files, prepare]);

  const started = uploads.entries.some((e) => e.status !== 'waiting');
  const finished = started && !uploads.running;
  const failed = uploads.entries.filter((e) => e.status === 'failed' || e.status === 'cancelled').length;
  const set = (key: string, change: Partial<UploadEntry>) => uploads.setEntries((list) => list.map((e) => (e.key === key ? { ...e, ...change } : e)));
  const close = () => {
    if (uploads.running) return;
    if (started) onUploaded();
    onClose();
  };

  return (
    <Dialog open={files !== null} onClose={close} maxWidth="md" fullWidth>
      <DialogTitle>添加证据（{uploads.entries.length} 个文件）</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 0.5 }}>
          {!started && (
            <TextField select label="证据来源" value={source} onChange={(e) => setSource(e.target.value as EvidenceSource)} sx={{ maxWidth: 240 }}>
              {evidenceSources.map((s) => (
                <MenuItem key={s} value={s}>
                  {evidenceSourceLabel[s]}
                </MenuItem>
              ))}
            </TextField>
          )}
          {started && (
            <Box aria-label="总进度">
              <Typography variant="body2" color="text.secondary">
                总进度 {Math.floor(uploads.overall)}%{finished ? (failed ? `，${failed} 个文件未保存` : '，全部已保存') : ''}
              </Typography>
              <LinearProgress variant="determinate" value={uploads.overall} data-testid="overall-progress" sx={{ height: 8, borderRadius: 1, mt: 0.5 }} />
            </Box>
          )}
          {uploads.entries.map((e) => (
            <Box key={e.key} data-testid="upload-entry" sx={{ borderBottom: 1, borderColor: 'divider', pb: 1.5 }}>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
                {e.status === 'done' && <CheckCircleIcon color="success" fontSize="small" aria-label="已保存" />}
                {(e.status === 'failed' || e.status === 'cancelled') && <ErrorIcon color="error" fontSize="small" aria-label="未保存" />}
                <Typography sx={{ fontWeight: 500, overflowWrap: 'anywhere' }}>{e.file.name}</Typography>
                <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
                  {formatBytes(e.file.size)}
                </Typography>
              </Stack>
              {!started ? (
                <Stack direction="row" spacing={1.5}>
                  <TextField select label="证据种类" value={e.kind} onChange={(ev) => set(e.key, { kind: ev.target.value as EvidenceKind })} sx={{ width: 180, flexShrink: 0 }}>
                    {evidenceKinds.map((k) => (
                      <MenuItem key={k} value={k}>
                        {evidenceKindLabel[k]}
                      </MenuItem>
                    ))}
                  </TextField>
                  <TextField label="说明" value={e.description} onChange={(ev) => set(e.key, { description: ev.target.value })} slotProps={{ htmlInput: { maxLength: 500 } }} />
                </Stack>
              ) : (
                <>
                  <LinearProgress variant="determinate" value={e.status === 'done' ? 100 : percent(e)} color={e.status === 'failed' || e.status === 'cancelled' ? 'error' : 'primary'} aria-label={`${e.file.name} 的进度`} />
                  {e.message && (
                    <Alert severity={e.status === 'cancelled' ? 'warning' : 'error'} sx={{ mt: 1, py: 0 }}>
                      {e.message}
                    </Alert>
                  )}
                </>
              )}
            </Box>
          ))}
        </Stack>
      </DialogContent>
      <DialogActions>
        {!started && (
          <>
            <Button onClick={close}>取消</Button>
            <Button variant="contained" onClick={() => void uploads.start(source)} disabled={uploads.entries.length === 0}>
              开始上传
            </Button>
          </>
        )}
        {uploads.running && (
          <Button color="error" onClick={uploads.cancel}>
            取消上传
          </Button>
        )}
        {finished && (
          <Button variant="contained" onClick={close} autoFocus>
            完成
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
