import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import Alert from '@mui/material/Alert';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useLocation, useNavigate } from 'react-router-dom';
import type { CaseDetail } from '../../../../shared/api/schemas/cases';
import { StatusChip } from '../StatusChip';
import { DeadlineChip } from './DeadlineChip';

/** Case number, status and deadline: what the clerk looks for first. */
export function CaseHeader({ c }: { c: CaseDetail }) {
  const navigate = useNavigate();
  // Opened directly (no history inside the app): "back" means the register.
  const firstPage = useLocation().key === 'default';
  const back = () => void (firstPage ? navigate('/cases') : navigate(-1));
  return (
    <Stack spacing={1} sx={{ mb: 1.5 }}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Tooltip title="返回">
          <IconButton aria-label="返回" size="small" onClick={back}>
            <ArrowBackIcon fontSize="small" />
          </IconButton>
        </Tooltip>
        <Typography variant="h5" component="h1" data-testid="case-no" sx={{ fontWeight: 600 }}>
          {c.caseNo}
        </Typography>
        <StatusChip status={c.status} size="medium" />
        {c.deadlines
          .filter((d) => d.state === 'running' || d.state === 'overdue' || d.state === 'paused')
          .map((d) => (
            <DeadlineChip key={d.id} deadline={d} />
          ))}
        <Typography variant="body2" color="text.secondary">
          {c.complainant.name} 投诉 {c.respondent.name}
        </Typography>
      </Stack>
      {c.deadlines.some((d) => d.provisional && d.state !== 'met' && d.state !== 'cancelled') && (
        <Alert severity="warning" variant="outlined" sx={{ py: 0 }}>
          节假日历未含该年份，期限为暂定；请管理员在设置中补充该年的节假日后再核对期限
        </Alert>
      )}
    </Stack>
  );
}
