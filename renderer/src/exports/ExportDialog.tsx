import DownloadIcon from '@mui/icons-material/Download';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { SEARCH_COUNT_CAP } from '../../../shared/api/schemas/caseSearch';
import { formatBytes } from '../../../shared/formatBytes';
import { exportFileUrl, type ExportRun } from './useExport';
import { percentDone } from '../../../shared/percentDone';

interface Props {
  title: string;
  run: ExportRun;
  onCancel: () => void;
  onClose: () => void;
  /** What a row is called in the progress line (行, 件). */
  unit?: string;
}

/** What the core has written so far, in words: "已写出 1200 / 3400 件", or without a total past the count's cap. */
export function progressText(s: { done: number; total: number; more: boolean }, unit: string): string {
  if (s.more) return `已写出 ${s.done} ${unit}（超过 ${s.total} ${unit}）`;
  return s.total > 0 ? `已写出 ${s.done} / ${s.total} ${unit}` : `已写出 ${s.done} ${unit}`;
}

/**
 * An export under way: progress, 取消; once written, the file to download (the button takes the
 * focus, so Enter saves it). Esc or 关闭 while it runs only hides the dialog if the export is finished.
 */
export function ExportDialog({ title, run, onCancel, onClose, unit = '件' }: Props) {
  const s = run.state;
  const running = run.starting || s?.state === 'running';
  const pct = s && s.total > 0 && !s.more ? percentDone(s.done, s.total) : null;
  return (
    <Dialog open onClose={running ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby="export-dialog-title">
      <DialogTitle id="export-dialog-title">{title}</DialogTitle>
      <DialogContent>
        {run.error && <Alert severity="error">{run.error}</Alert>}
        {running && (
          <>
            <LinearProgress variant={pct === null ? 'indeterminate' : 'determinate'} value={pct ?? 0} aria-label="导出进度" sx={{ mt: 1 }} />
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }} role="status" data-testid="export-progress">
              {s ? progressText(s, unit) : '正在准备…'}
            </Typography>
            {s?.awaitingCheck && (
              <Alert severity="info" sx={{ mt: 1 }} data-testid="export-awaiting-check">
                已全部写出。程序正在检查数据文件，检查通过、记下本次导出后即可下载，请稍候。
              </Alert>
            )}
          </>
        )}
        {s?.state === 'done' && (
          <Typography role="status" data-testid="export-done">
            已导出 {s.done} {unit}：{s.fileName}
            {s.size !== null && `（${formatBytes(s.size)}）`}
          </Typography>
        )}
        {s?.registerOrder && s.state !== 'cancelled' && s.state !== 'failed' && (
          <Alert severity="info" sx={{ mt: 1 }} data-testid="export-register-order">
            匹配的案件超过 {SEARCH_COUNT_CAP} 件，所选排序只能排列其中最新的 {SEARCH_COUNT_CAP} 件，因此按登记时间从新到旧导出全部匹配的案件，可在 Excel 中再排序。
          </Alert>
        )}
        {s?.state === 'failed' && <Alert severity="error">{s.error ?? '导出未完成，请重试'}</Alert>}
        {s?.state === 'cancelled' && <Typography role="status">已取消导出，没有生成文件。</Typography>}
      </DialogContent>
      <DialogActions>
        {running ? (
          <Button onClick={onCancel} disabled={!s}>
            取消导出
          </Button>
        ) : (
          <Button onClick={onClose}>关闭</Button>
        )}
        {s?.state === 'done' && (
          <Button variant="contained" startIcon={<DownloadIcon />} component="a" href={exportFileUrl(s.id)} download={s.fileName} autoFocus>
            下载 Excel 文件
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
