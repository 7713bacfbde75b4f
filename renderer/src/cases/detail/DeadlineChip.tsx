import TouchAppIcon from '@mui/icons-material/TouchApp';
import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import type { DeadlineView } from '../../../../shared/api/schemas/workflow';
import { deadlineKindLabel } from '../../../../shared/domain/deadlines';
import { formatDateCn, formatLeft } from '../../format';

type Colour = 'default' | 'warning' | 'error' | 'info';

/** The core's state and time left, in the clerk's words and the clock's own unit; the renderer never counts days itself. */
function describe(d: DeadlineView): { colour: Colour; state: string } {
  switch (d.state) {
    case 'overdue':
      return { colour: 'error', state: d.left ? formatLeft(d.left) : '已超期' };
    case 'paused':
      return { colour: 'info', state: `暂停中，已停 ${d.pausedDays} 天` };
    case 'running': {
      const soon = d.left !== null && d.left.amount <= 3;
      return { colour: soon ? 'warning' : 'default', state: d.left ? formatLeft(d.left) : '' };
    }
    case 'met':
      return { colour: 'default', state: d.endedOn ? `已于 ${formatDateCn(d.endedOn)} 完成` : '已完成' };
    default:
      return { colour: 'default', state: '已取消' };
  }
}

interface Props {
  deadline: DeadlineView;
  /** What answers this clock and may be done now, e.g. 记录经营者答复: the chip opens it. */
  answer?: { label: string; onClick: () => void };
}

/**
 * "调解期限 2027年1月22日 · 还剩 42 日（暂定）": orange within 3 days or today, red overdue, blue
 * paused. Where the step that answers the clock may be taken now, the chip is a button that opens it.
 */
export function DeadlineChip({ deadline: d, answer }: Props) {
  const { colour, state } = describe(d);
  const provisional = d.provisional ? '（暂定）' : '';
  const how = [d.limit ? `按 ${d.limit} 计算` : '指定日期', d.ruleSet ? `规则集 ${d.ruleSet}` : null, `自 ${formatDateCn(d.startOn)} 起`].filter(Boolean).join('，');
  const hint = [
    d.provisional ? `${how}。节假日历尚未包含到期所在年份，日期暂定，录入该年节假日后自动重算。` : `${how}。`,
    answer ? `点击“${answer.label}”。` : '',
  ].join('');
  const label = `${deadlineKindLabel[d.kind]} ${formatDateCn(d.dueOn)} · ${state}${provisional}`;
  return (
    <Tooltip title={hint} describeChild>
      <Chip
        size="small"
        data-testid={`deadline-${d.kind}`}
        color={colour}
        variant={colour === 'default' ? 'outlined' : 'filled'}
        label={answer ? `${label} · ${answer.label}` : label}
        {...(answer ? { onClick: answer.onClick, icon: <TouchAppIcon aria-hidden /> } : {})}
      />
    </Tooltip>
  );
}
