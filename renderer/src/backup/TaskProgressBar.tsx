import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { formatBytes } from '../../../shared/formatBytes';
import { percent, type TaskProgress } from './useTaskProgress';

export function TaskProgressBar({ progress, label }: { progress: TaskProgress | null; label: string }) {
  const pct = percent(progress);
  return (
    <Box sx={{ mt: 1.5 }}>
      <LinearProgress variant={progress && progress.total > 0 ? 'determinate' : 'indeterminate'} value={pct} aria-label={label} />
      <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }} role="status">
        {progress ? `${progress.step} ${pct}%${progress.total > 0 ? `（${formatBytes(progress.done)} / ${formatBytes(progress.total)}）` : ''}` : '准备中…'}
      </Typography>
    </Box>
  );
}
