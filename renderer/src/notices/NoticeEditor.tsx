import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { CaseDetail } from '../../../shared/api/schemas/cases';
import { noticeFields } from '../../../shared/notices/fields';
import type { NoticeDocument } from '../../../shared/notices/model';
import { noticeTitle, type NoticeType } from '../../../shared/notices/types';
import { useRequestId } from '../api/requestId';
import { useApi } from '../api/ApiContext';
import { useDebouncedValue } from '../common/useDebouncedValue';
import { formatDateTime } from '../format';
import { NoticeSheet } from './NoticeSheet';

export interface EditRequest {
  type: NoticeType;
  /** A correction: the notice it supersedes, and the free text it was issued with. */
  supersedes?: { id: number; number: string; text: Record<string, string>; sessionId?: number };
}

interface Props {
  c: CaseDetail;
  request: EditRequest;
  onClose: () => void;
  onIssued: (issued: { id: number; number: string }) => void;
}

/**
 * Preview, edit the free-text parts, issue (文书 tab): the preview is the core's, from the case
 * and the edits, with the number left blank — nothing is stored and no number used until 签发.
 */
export function NoticeEditor({ c, request, onClose, onIssued }: Props) {
  const api = useApi();
  const { type, supersedes } = request;
  const fields = noticeFields[type];
  const sessions = type === 'mediationNotice' ? (c.mediation?.sessions.filter((s) => s.held === null) ?? []) : [];
  const [sessionId, setSessionId] = useState<number | undefined>(supersedes?.sessionId ?? (sessions.length === 1 ? sessions[0]!.id : undefined));
  const [values, setValues] = useState<Record<string, string> | null>(supersedes ? pick(supersedes.text, type) : null);
  const [reason, setReason] = useState('');
  const [preview, setPreview] = useState<{ document: NoticeDocument; seal: string | null } | null>(null);
  const [problem, setProblem] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [issuing, setIssuing] = useState(false);
  // One id for this notice: a retry after a lost answer gets the notice already issued, not a second number.
  const { requestId } = useRequestId();
  const overrides = useDebouncedValue(values, 350);
  const needsSession = type === 'mediationNotice' && sessionId === undefined;

  useEffect(() => {
    if (needsSession) return;
    let current = true;
    void api.call('notices.preview', { caseId: c.id, type, sessionId, supersedes: supersedes?.id, overrides: overrides ?? undefined }).then((r) => {
      if (!current) return;
      if (r.ok) {
        setPreview(r.value);
        setProblem(null);
        // The first preview fills the boxes with what the core would print.
        setValues((v) => v ?? pick(r.value.document.text, type));
      } else setProblem({ message: r.error.message, fields: r.error.fields ?? {} });
    });
    return () => {
      current = false;
    };
  }, [api, c.id, type, sessionId, supersedes?.id, overrides, needsSession]);

  const issue = async () => {
    if (!values) return;
    setIssuing(true);
    const r = await api.call('notices.issue', { caseId: c.id, type, sessionId, overrides: values, requestId, ...(supersedes ? { supersedes: supersedes.id, reason } : {}) });
    setIssuing(false);
    if (r.ok) onIssued(r.value);
    else setProblem({ message: r.error.message, fields: r.error.fields ?? {} });
  };

  const fieldError = (key: string) => problem?.fields[`overrides.${key}`];
  return (
    <Dialog open onClose={onClose} maxWidth="xl" fullWidth aria-labelledby="notice-editor-title">
      <DialogTitle id="notice-editor-title">
        {supersedes ? `更正 ${supersedes.number}：` : '签发'}
        {noticeTitle[type]}
      </DialogTitle>
      <DialogContent dividers sx={{ display: 'flex', gap: 2, alignItems: 'flex-start' }}>
        <Stack spacing={1.5} sx={{ width: 380, flexShrink: 0, pt: 1 }} component="form" aria-label="文书内容" onSubmit={(e) => e.preventDefault()}>
          {problem && <Alert severity="error">{problem.message}</Alert>}
          {type === 'mediationNotice' && (
            <TextField select label="通知哪一次调解" value={sessionId ?? ''} onChange={(e) => setSessionId(Number(e.target.value))} error={!!problem?.fields.sessionId} helperText={problem?.fields.sessionId}>
              {sessions.map((s) => (
                <MenuItem key={s.id} value={s.id}>
                  {formatDateTime(s.at)} {s.place}（{s.mediator}）
                </MenuItem>
              ))}
            </TextField>
          )}
          {supersedes && (
            <TextField label="更正理由" required value={reason} onChange={(e) => setReason(e.target.value)} error={!!problem?.fields.reason} helperText={problem?.fields.reason ?? '原文书保留在案，新文书注明更正'} />
          )}
          {values &&
            fields.map((f) => (
              <TextField
                key={f.key}
                label={f.label}
                required={f.required}
                multiline={f.multiline}
                minRows={f.multiline ? 2 : undefined}
                maxRows={12}
                value={values[f.key] ?? ''}
                onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
                error={!!fieldError(f.key)}
                helperText={fieldError(f.key) ?? f.hint}
                slotProps={{ htmlInput: { maxLength: f.max } }}
              />
            ))}
          <Typography variant="caption" color="text.secondary">
            其余内容（当事人、日期、理由条款等）取自案件记录；签发后文书编号生效，内容不再改变，如有错误请签发更正文书。
          </Typography>
        </Stack>
        <Box sx={{ flexGrow: 1, minWidth: 0, bgcolor: 'grey.200', p: 2, overflow: 'auto', maxHeight: '75vh' }} role="region" aria-label="预览" tabIndex={0}>
          {preview ? <NoticeSheet doc={preview.document} seal={preview.seal} scale={0.8} /> : <Typography color="text.secondary">{needsSession ? '请先选择要通知的调解' : '正在生成预览…'}</Typography>}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>取消</Button>
        <Button variant="contained" disabled={!values || issuing || needsSession} onClick={() => void issue()}>
          {issuing ? '正在签发…' : '签发'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** The editable parts of a document's text, by the type's fields. */
function pick(text: Record<string, string>, type: NoticeType): Record<string, string> {
  return Object.fromEntries(noticeFields[type].map((f) => [f.key, text[f.key] ?? '']));
}
