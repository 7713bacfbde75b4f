import CardActionArea from '@mui/material/CardActionArea';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router-dom';
import { useApiQuery } from '../api/useApiQuery';
import { deadlineFilters, type DeadlineFilter } from '../cases/deadlineFilters';

const COLOUR: Record<DeadlineFilter, string> = { overdue: 'error.main', today: 'warning.dark', soon: 'primary.main' };

function DeadlineCard({ filter }: { filter: DeadlineFilter }) {
  const { label, input } = deadlineFilters[filter];
  const count = useApiQuery('cases.search', { ...input, page: 1, pageSize: 1 });
  const total = count.data?.total;
  return (
    <Paper variant="outlined" sx={{ flex: 1, minWidth: 180 }}>
      <CardActionArea component={RouterLink} to={`/cases?due=${filter}`} sx={{ p: 2 }} aria-label={`${label}：${total ?? '…'} 件`}>
        <Typography color="text.secondary">{label}</Typography>
        <Typography
          data-testid={`due-${filter}`}
          variant="h4"
          component="p"
          sx={{ fontWeight: 600, color: total ? COLOUR[filter] : 'text.disabled' }}
        >
          {total ?? '…'}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          件 · 受理决定期限
        </Typography>
      </CardActionArea>
    </Paper>
  );
}

/** 今日: the acceptance deadlines to act on, each one click from its list. */
export function DeadlineCards() {
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
      <DeadlineCard filter="overdue" />
      <DeadlineCard filter="today" />
      <DeadlineCard filter="soon" />
    </Stack>
  );
}
