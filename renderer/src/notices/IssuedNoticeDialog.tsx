import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useApiQuery } from '../api/useApiQuery';
import { CenteredMessage } from '../common/CenteredMessage';
import { noticeTitle } from '../../../shared/notices/types';
import type { NoticeDocument } from '../../../shared/notices/model';
import { NoticeSheet } from './NoticeSheet';
import { noticePdfUrl } from '../api/client';

interface Props {
  id: number;
  onClose: () => void;
  onPrint: (id: number) => void;
  onSavePdf: (id: number) => void;
  onCorrect: (id: number, document: NoticeDocument) => void;
}

/** An issued notice as it was issued (its snapshot), with print, save as PDF and correct. */
export function IssuedNoticeDialog({ id, onClose, onPrint, onSavePdf, onCorrect }: Props) {
  const got = useApiQuery('notices.get', { id });
  const n = got.data?.notice;
  return (
    <Dialog open onClose={onClose} maxWidth="lg" fullWidth>
      <DialogTitle>{n ? `${noticeTitle[n.type]} ${n.number}` : '文书'}</DialogTitle>
      {/* A scrolling page is reached by the keyboard too (Tab, then the arrow keys). */}
      <DialogContent dividers sx={{ bgcolor: 'grey.200' }} role="region" aria-label="文书正文" tabIndex={0}>
        {got.error && <Alert severity="error">{got.error.message}</Alert>}
        {n?.supersededBy && <Alert severity="warning" sx={{ mb: 2 }}>本文书已被 {n.supersededBy.number} 更正</Alert>}
        {got.data ? (
          <Box sx={{ py: 1 }}>
            <NoticeSheet doc={got.data.document} seal={got.data.seal} scale={0.9} />
          </Box>
        ) : (
          !got.error && <CenteredMessage loading />
        )}
      </DialogContent>
      <DialogActions>
        {got.data && !n?.supersededBy && <Button onClick={() => onCorrect(id, got.data!.document)}>更正</Button>}
        <Button component="a" href={noticePdfUrl(id, true)} download onClick={() => onSavePdf(id)}>
          另存为PDF
        </Button>
        <Button onClick={onClose}>关闭</Button>
        <Button variant="contained" onClick={() => onPrint(id)} disabled={!got.data}>
          打印
        </Button>
      </DialogActions>
    </Dialog>
  );
}
