import RestoreIcon from '@mui/icons-material/Restore';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useEffect, useRef } from 'react';
import type { DraftView } from '../../../shared/api/schemas/drafts';
import { useSession } from '../session/SessionContext';
import { draftTime } from './draftTime';

interface Props {
  draft: DraftView;
  onRestore: () => void;
  onDiscard: () => void;
  busy: boolean;
}

/**
 * The offer of a draft left by an earlier visit to the form (a crash, a closed window, a power
 * cut): restore it or discard it. Keyboard first: 恢复草稿 has the focus, so Enter restores and
 * Tab, Enter discards.
 */
export function DraftOffer({ draft, onRestore, onDiscard, busy }: Props) {
  const { today } = useSession();
  const restore = useRef<HTMLButtonElement>(null);
  // After the form's own autofocus, so the offer is where the keyboard starts.
  useEffect(() => restore.current?.focus(), []);
  const when = draftTime(draft.savedAt, today);
  return (
    <Alert severity="info" icon={<RestoreIcon />} sx={{ mb: 1.5, alignItems: 'center' }} role="region" aria-label="未保存的草稿">
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <span>上次填写的登记表没有保存，已存为草稿。</span>
        <Button ref={restore} variant="contained" size="small" disabled={busy} onClick={onRestore}>
          恢复草稿（{when}，{draft.summary}）
        </Button>
        <Button color="inherit" size="small" disabled={busy} onClick={onDiscard}>
          丢弃
        </Button>
      </Stack>
    </Alert>
  );
}
