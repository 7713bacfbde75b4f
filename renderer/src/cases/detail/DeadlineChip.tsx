import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import { daysUntil, formatDateCn } from '../../format';

function urgency(days: number): { color: 'default' | 'warning' | 'error'; hint: string } {
  if (days < 0) return { color: 'error', hint: `已超期 ${-days} 天` };
  if (days === 0) return { color: 'warning', hint: '今天到期' };
  if (days <= 3) return { color: 'warning', hint: `还剩 ${days} 天` };
  return { color: 'default', hint: `还剩 ${days} 天` };
}

/**
 * "受理期限 2026年12月2日": orange within 3 days, red when overdue — only while the deadline is
 * still running (`pending`); once decided, the date is shown for the record, uncoloured.
 */
export function DeadlineChip({ label, dueOn, pending }: { label: string; dueOn: string; pending: boolean }) {
  const { color, hint } = urgency(daysUntil(dueOn));
  return (
    <Tooltip title={pending ? hint : '已作出决定'} describeChild>
      <Chip
        size="small"
        data-testid="deadline-chip"
        color={pending ? color : 'default'}
        variant={pending && color !== 'default' ? 'filled' : 'outlined'}
        label={`${label} ${formatDateCn(dueOn)}`}
      />
    </Tooltip>
  );
}
