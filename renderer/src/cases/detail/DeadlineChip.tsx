import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import type { DeadlineView } from '../../../../shared/api/schemas/workflow';
import { deadlineKindLabel } from '../../../../shared/domain/deadlines';
import { formatDateCn } from '../../format';

type Colour = 'default' | 'warning' | 'error' | 'info';

/** The core's state and count of working days, in the clerk's words; the renderer never counts days itself. */
function describe(d: DeadlineView): { colour: Colour; state: string } {
  const left = d.workingDaysLeft;
  switch (d.state) {
    case 'overdue':
      return { colour: 'error', state: `已超期 ${-(left ?? 0)} 个工作日` };
    case 'paused':
      return { colour: 'info', state: `暂停中，已停 ${d.pausedDays} 天` };
    case 'running':
      if (left === 0) return { colour: 'warning', state: '今天到期' };
      return { colour: left !== null && left <= 3 ? 'warning' : 'default', state: `还剩 ${left} 个工作日` };
    case 'met':
      return { colour: 'default', state: d.endedOn ? `已于 ${formatDateCn(d.endedOn)} 完成` : '已完成' };
    default:
      return { colour: 'default', state: '已取消' };
  }
}

/** "调解期限 2027年1月22日 · 还剩 42 个工作日（暂定）": orange within 3 working days or today, red overdue, blue paused. */
export function DeadlineChip({ deadline: d }: { deadline: DeadlineView }) {
  const { colour, state } = describe(d);
  const provisional = d.provisional ? '（暂定）' : '';
  const how = [d.limit ? `按 ${d.limit} 计算` : '指定日期', d.ruleSet ? `规则集 ${d.ruleSet}` : null, `自 ${formatDateCn(d.startOn)} 起`].filter(Boolean).join('，');
  const hint = d.provisional ? `${how}。节假日历尚未包含到期所在年份，日期暂定，录入该年节假日后自动重算。` : `${how}。`;
  return (
    <Tooltip title={hint} describeChild>
      <Chip
        size="small"
        data-testid={`deadline-${d.kind}`}
        color={colour}
        variant={colour === 'default' ? 'outlined' : 'filled'}
        label={`${deadlineKindLabel[d.kind]} ${formatDateCn(d.dueOn)} · ${state}${provisional}`}
      />
    </Tooltip>
  );
}
