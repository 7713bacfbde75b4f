import { useRequestId } from '../api/requestId';
import PrintIcon from '@mui/icons-material/Print';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useEffect, useState, type KeyboardEvent } from 'react';
import type { OutputOf } from '../../../shared/api/contract';
import { useApi } from '../api/ApiContext';
import { formatDateCn } from '../format';
import { useNoticePrinting } from '../notices/useNoticePrinting';

interface Props {
  open: boolean;
  /** Kept after closing so the dialog does not empty itself while it fades out. */
  saved: OutputOf<'cases.register'> | null;
  onOpenCase: (id: number) => void;
  onContinue: () => void;
  /** After the dialog has gone: focus can move back into the form without the dialog taking it. */
  onClosed: () => void;
}

type Receipt = { state: 'idle' } | { state: 'working' } | { state: 'done'; id: number; number: string } | { state: 'failed'; message: string; id?: number };

/**
 * Shown after a save: the case number the clerk reads out to the complainant, the due date, and
 * the 受理回执 in one keystroke (P): issued with its number, printed, the print logged. Pressed
 * again, the same receipt is printed again rather than a second one issued.
 */
export function RegisteredDialog({ open, saved, onOpenCase, onContinue, onClosed }: Props) {
  const api = useApi();
  const printing = useNoticePrinting();
  const [receipt, setReceipt] = useState<Receipt>({ state: 'idle' });
  const { requestId: receiptRequestId, renew } = useRequestId();
  useEffect(() => renew(), [saved?.id, renew]);
  useEffect(() => setReceipt({ state: 'idle' }), [saved?.id]);

  const printReceipt = async () => {
    if (!saved || receipt.state === 'working') return;
    const already = receipt.state === 'done' ? receipt.id : receipt.state === 'failed' ? receipt.id : undefined;
    setReceipt({ state: 'working' });
    let id = already;
    let number = '';
    if (id === undefined) {
      // One id per saved case's receipt: the same request after a lost answer gets the receipt already issued.
      const issued = await api.call('notices.issue', { caseId: saved.id, type: 'receipt', requestId: receiptRequestId });
      if (!issued.ok) return setReceipt({ state: 'failed', message: issued.error.message });
      id = issued.value.id;
      number = issued.value.number;
    }
    const problem = await printing.printIssued(id);
    setReceipt(problem ? { state: 'failed', message: problem, id } : { state: 'done', id, number: number || (receipt.state === 'done' ? receipt.number : '') });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.key === 'p' || e.key === 'P') && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      void printReceipt();
    }
  };

  return (
    <Dialog
      open={open && saved !== null}
      onClose={onContinue}
      onKeyDown={onKeyDown}
      maxWidth="xs"
      fullWidth
      disableRestoreFocus
      slotProps={{ transition: { onExited: onClosed } }}
    >
      <DialogTitle>登记成功</DialogTitle>
      {saved && (
        <DialogContent>
          <Typography color="text.secondary">案件编号</Typography>
          <Typography
            data-testid="registered-case-no"
            variant="h4"
            component="p"
            sx={{ fontWeight: 600, color: 'primary.main', my: 1, letterSpacing: 1, userSelect: 'all' }}
          >
            {saved.caseNo}
          </Typography>
          <Typography>
            受理决定期限：
            <Typography component="strong" data-testid="registered-due-on" sx={{ fontWeight: 700, color: saved.acceptanceOverdue ? 'error.main' : undefined }}>
              {formatDateCn(saved.acceptanceDueOn)}
            </Typography>
          </Typography>
          {saved.acceptanceOverdue && (
            // The core's word: the decision was already overdue when the complaint was entered (a letter registered late).
            <Alert severity="warning" sx={{ mt: 2 }} data-testid="registered-overdue">
              登记时受理期限已过，请立即审查并作出是否受理的决定。受理回执将写明“本会将及时作出是否受理的决定”，不写已过的日期。
            </Alert>
          )}
          {receipt.state === 'done' && (
            <Alert severity="success" sx={{ mt: 2 }} data-testid="receipt-status">
              已打印受理回执{receipt.number ? `（${receipt.number}）` : ''}
            </Alert>
          )}
          {receipt.state === 'failed' && (
            <Alert severity="error" sx={{ mt: 2 }} data-testid="receipt-status">
              {receipt.message}
            </Alert>
          )}
        </DialogContent>
      )}
      <DialogActions>
        <Button
          startIcon={<PrintIcon />}
          aria-keyshortcuts="P"
          disabled={receipt.state === 'working'}
          onClick={() => void printReceipt()}
        >
          {receipt.state === 'working' ? '正在打印…' : receipt.state === 'done' ? '再打印一份 (P)' : '打印受理回执 (P)'}
        </Button>
        <Button onClick={() => saved && onOpenCase(saved.id)}>打开案件</Button>
        <Button variant="contained" autoFocus onClick={onContinue}>
          继续登记
        </Button>
      </DialogActions>
      {printing.element}
    </Dialog>
  );
}
