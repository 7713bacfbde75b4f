import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { CaseDetail } from '../../../shared/api/schemas/cases';
import { useApi } from '../api/ApiContext';
import { FieldList } from '../cases/detail/FieldList';
import { StatusChip } from '../cases/StatusChip';
import { formatDateTime, formatYuan } from '../format';

/**
 * An earlier complaint read over the registration form, in a dialog, so nothing typed is lost
 * (the form keeps its state underneath; Esc or 关闭 returns to it).
 */
export function EarlierCaseDialog({ id, onClose, onLink, linked }: { id: number; onClose: () => void; onLink: () => void; linked: boolean }) {
  const api = useApi();
  const [c, setC] = useState<CaseDetail | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void api.call('cases.get', { id }).then((r) => {
      if (!current) return;
      if (r.ok) setC(r.value);
      else setProblem(r.error.message);
    });
    return () => {
      current = false;
    };
  }, [api, id]);

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="earlier-case-title">
      <DialogTitle id="earlier-case-title">
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
          <span>以往投诉 {c?.caseNo ?? ''}</span>
          {c && <StatusChip status={c.status} />}
        </Stack>
      </DialogTitle>
      <DialogContent dividers>
        {problem && <Typography color="error">{problem}</Typography>}
        {!c && !problem && <CircularProgress size={24} aria-label="正在读取" />}
        {c && (
          <>
            <FieldList
              title="当事人"
              items={[
                { label: '投诉人', value: `${c.complainant.name}（${c.complainant.phone}）` },
                { label: '被投诉方', value: c.respondent.name },
                { label: '收到时间', value: formatDateTime(c.receivedAt) },
                { label: '承办人', value: c.handler?.displayName ?? '未指派' },
              ]}
            />
            <FieldList
              title="投诉内容"
              items={[
                { label: '商品或服务', value: c.subject },
                { label: '购买金额', value: c.amountPaidFen === null ? '' : formatYuan(c.amountPaidFen) },
                { label: '类别', value: c.category.name },
                { label: '投诉事实', value: c.facts, wide: true },
                { label: '投诉请求', value: c.request, wide: true },
              ]}
            />
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>关闭</Button>
        <Button variant="contained" color="warning" onClick={onLink} disabled={!c}>
          {linked ? '取消关联' : '关联为重复投诉'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
