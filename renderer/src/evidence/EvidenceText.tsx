import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { EvidenceView } from '../../../shared/api/schemas/evidence';
import { textStateLabel } from '../../../shared/domain/evidenceText';

const FROM = { ocr: '文字识别（OCR）结果，可能有误，请与原图核对', pdf: 'PDF 自带的文字' } as const;

/**
 * The text read from a picture or a PDF's text layer (issue [H]), beside it in the viewer: selectable and copyable, so a
 * clerk takes an order number from a screenshot instead of retyping it. What the core decided is
 * shown as it is: pending, found, none found, or not read and why.
 */
export function EvidenceText({ e }: { e: EvidenceView }) {
  const [copied, setCopied] = useState(false);
  if (e.textState === null) return null;
  const copy = async () => {
    await navigator.clipboard.writeText(e.text ?? '');
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };
  return (
    <Box component="section" aria-label="识别出的文字" data-testid="evidence-text" data-state={e.textState}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5 }}>
        <Typography variant="caption" color="text.secondary" sx={{ flexGrow: 1 }}>
          {textStateLabel[e.textState]}
        </Typography>
        {e.textState === 'pending' && <CircularProgress size={14} aria-hidden />}
        {e.text && (
          <Button size="small" startIcon={<ContentCopyIcon fontSize="small" />} onClick={() => void copy()} aria-label="复制识别出的文字">
            {copied ? '已复制' : '复制'}
          </Button>
        )}
      </Stack>
      {e.text ? (
        <>
          <Box
            component="pre"
            data-testid="evidence-text-body"
            tabIndex={0}
            sx={{ m: 0, p: 1, maxHeight: 260, overflow: 'auto', bgcolor: 'grey.50', border: 1, borderColor: 'divider', borderRadius: 1, font: 'inherit', fontSize: 13, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', userSelect: 'text' }}
          >
            {e.text}
          </Box>
          {e.textFrom && (
            <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }}>
              {FROM[e.textFrom]}
              {/* Less than the whole, and why: a long PDF's first pages. */}
              {e.textNote ? `；${e.textNote}` : ''}
            </Typography>
          )}
        </>
      ) : (
        e.textNote && (
          <Typography variant="body2" color="text.secondary" data-testid="evidence-text-note">
            {e.textNote}
          </Typography>
        )
      )}
    </Box>
  );
}
