import AutoStoriesIcon from '@mui/icons-material/AutoStories';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { CaseDetail } from '../../../shared/api/schemas/cases';
import { useApi } from '../api/ApiContext';
import { useApiQuery } from '../api/useApiQuery';
import { formatDateCn } from '../format';

/**
 * 典型案例 on a case's page (issue [H]): the mark once it is one, with the way to its write-up;
 * the button to mark it where the core says this user may (a supervisor, on a closed case).
 */
export function TypicalMark({ c, reload }: { c: CaseDetail; reload: () => void }) {
  const api = useApi();
  const navigate = useNavigate();
  // Read again with every change of the case (its version), so the button follows the status.
  const status = useApiQuery('typical.status', { caseId: c.id });
  const { reload: reloadStatus } = status;
  useEffect(() => reloadStatus(), [c.version, reloadStatus]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const s = status.data;
  if (!s || (!s.marked && !s.canMark)) return null;

  const mark = async () => {
    setBusy(true);
    setProblem(null);
    const r = await api.call('typical.mark', { caseId: c.id });
    setBusy(false);
    if (!r.ok) return setProblem(r.error.message);
    status.reload();
    reload();
  };

  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }} data-testid="typical-mark">
      {s.marked ? (
        <>
          <Chip icon={<AutoStoriesIcon />} color="secondary" variant="outlined" label={`典型案例（${s.marked.by.displayName} ${formatDateCn(s.marked.at)} 标记）`} />
          <Button size="small" variant="outlined" onClick={() => void navigate(`/typical/${c.id}`)}>
            编辑典型案例文稿
          </Button>
        </>
      ) : (
        <Button size="small" variant="outlined" startIcon={<AutoStoriesIcon />} disabled={busy} onClick={() => void mark()}>
          标记为典型案例
        </Button>
      )}
      {problem && (
        <Alert severity="error" sx={{ py: 0 }}>
          {problem}
        </Alert>
      )}
    </Stack>
  );
}
