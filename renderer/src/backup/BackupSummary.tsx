import Alert from '@mui/material/Alert';
import type { OutputOf } from '../../../shared/api/contract';
import { formatDateTime } from '../format';

type Status = OutputOf<'backup.status'>;

/** The last good backup, and a warning when the core says it is too old (or there is none). */
export function BackupSummary({ status }: { status: Status }) {
  const good = status.lastGood;
  if (!good) {
    return (
      <Alert severity="warning" data-testid="backup-summary">
        还没有任何完好的备份。电脑或硬盘一旦损坏，登记的案件和证据将无法找回，请尽快备份到另一块磁盘或U盘。
      </Alert>
    );
  }
  const what = `最近一次完好的备份：${formatDateTime(good.finishedAt)}（${status.ageDays === 0 ? '今天' : `${status.ageDays} 天前`}），案件 ${good.cases ?? 0} 件，证据文件 ${good.files ?? 0} 个，位于 ${good.path}`;
  return (
    <Alert severity={status.stale ? 'warning' : 'success'} data-testid="backup-summary">
      {what}
      {status.stale && '。已超过一周没有备份，请尽快备份。'}
    </Alert>
  );
}
