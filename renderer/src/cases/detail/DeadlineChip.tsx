import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import type { DeadlineView } from '../../../../shared/api/schemas/workflow';
import { deadlineKindLabel } from '../../../../shared/domain/deadlines';
import { formatDateCn } from '../../format';

/** What the core says of a clock, in the clerk's words; the renderer never counts days itself. */
function describe(d: DeadlineView): { color: 'default' | 'warning' | 'error' | 'info'; hint: string } {
  const provisional = d.provisional ? '（节假日历未含该年份，日期暂定）' : '';
  switch (d.state) {
    case 'overdue':
      return { color: 'error', hint: `已超期 ${-(d.workingDaysLeft ?? 0)} 个工作日${provisional}` };
    case 'paused':
      return { color: 'info', hint: `计时已暂停，已停 ${d.pausedDays} 天；恢复后期限顺延${provisional}` };
    case 'running':
      if (d.workingDaysLeft === 0) return { color: 'warning', hint: `今天到期${provisional}` };
      return { color: (d.workingDaysLeft ?? 99) <= 3 ? 'warning' : 'default', hint: `还剩 ${d.workingDaysLeft} 个工作日${provisional}` };
    case 'met':
      return { color: 'default', hint: d.endedOn ? `已于 ${formatDateCn(d.endedOn)} 完成` : '已完成' };
    default:
      return { color: 'default', hint: '已取消' };
  }
}

/** "受理期限 2026年12月2日": orange within 3 working days, red when overdue, blue while paused. */
export function DeadlineChip({ deadline }: { deadline: DeadlineView }) {
  const { color, hint } = describe(deadline);
  const open = deadline.state === 'running' || deadline.state === 'overdue' || deadline.state === 'paused';
  const suffix = deadline.state === 'paused' ? '（暂停）' : deadline.provisional ? '（暂定）' : '';
  return (
    <Tooltip title={hint} describeChild>
      <Chip
        size="small"
        data-testid={`deadline-${deadline.kind}`}
        color={open ? color : 'default'}
        variant={open && color !== 'default' ? 'filled' : 'outlined'}
        label={`${deadlineKindLabel[deadline.kind]} ${formatDateCn(deadline.dueOn)}${suffix}`}
      />
    </Tooltip>
  );
}
