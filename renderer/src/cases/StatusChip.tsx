import Chip, { type ChipProps } from '@mui/material/Chip';
import { caseStatusLabel, type CaseStatus } from '../../../shared/domain/caseStatus';

const colorOf: Record<CaseStatus, ChipProps['color']> = {
  registered: 'info',
  accepted: 'primary',
  refused: 'default',
  referred: 'secondary',
  investigating: 'primary',
  mediating: 'primary',
  awaiting_approval: 'warning',
  approved: 'success',
  notified: 'secondary',
  follow_up: 'secondary',
  closed: 'success',
  voided: 'default',
};

export function StatusChip({ status, size = 'small' }: { status: CaseStatus; size?: ChipProps['size'] }) {
  return <Chip size={size} color={colorOf[status]} variant="outlined" label={caseStatusLabel[status]} />;
}
