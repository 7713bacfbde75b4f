import Alert from '@mui/material/Alert';
import LinearProgress from '@mui/material/LinearProgress';
import type { OutputOf } from '../../../shared/api/contract';
import { percentDone } from '../../../shared/percentDone';

type Check = NonNullable<OutputOf<'setup.status'>['check']>;

/**
 * The start check still reading the whole register in the background (the core decides and says
 * so in setup.status): reading works at once; registering and changing wait until the file is
 * known sound, so the clerk is told why a save may take a moment.
 */
export function StartCheckNotice({ check }: { check: Check }) {
  const pct = check.total > 0 ? percentDone(check.done, check.total) : null;
  return (
    <Alert severity="info" sx={{ borderRadius: 0 }} data-testid="start-check">
      {check.step || '正在检查数据文件'}
      {pct !== null ? `（${pct}%）` : ''}。
      {check.writesHeld ? '可以登录和查阅；登记和修改会在检查通过后自动进行，请稍候。' : '可以正常使用。'}
      {pct !== null && <LinearProgress variant="determinate" value={pct} sx={{ mt: 0.5 }} />}
    </Alert>
  );
}
