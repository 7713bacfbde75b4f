import EditNoteIcon from '@mui/icons-material/EditNote';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useRef } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { useApiQuery } from '../api/useApiQuery';
import { StatusChip } from '../cases/StatusChip';
import { CenteredMessage } from '../common/CenteredMessage';
import { formatDateCn, formatDateTime, isoDateOf } from '../format';
import { useSession } from '../session/SessionContext';
import { DeadlineCards } from './DeadlineCards';

/** 今日: deadlines to act on, what was registered today, the newest cases, and the way to register the next one. */
export function HomePage() {
  const { user } = useSession();
  const today = useMemo(() => isoDateOf(), []);
  const todays = useApiQuery('cases.search', { from: today, to: today, page: 1, pageSize: 1 });
  const newest = useApiQuery('cases.search', { page: 1, pageSize: 10, sort: 'receivedAt:desc' });
  const error = todays.error ?? newest.error;
  const registerButton = useRef<HTMLAnchorElement>(null);
  // React's autoFocus only reaches form controls; this button is a link.
  useEffect(() => registerButton.current?.focus(), []);

  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h1">
        今日 <Typography component="span" color="text.secondary">{formatDateCn(today)}</Typography>
      </Typography>
      {error && <Alert severity="error">{error.message}</Alert>}
      <DeadlineCards />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <Paper variant="outlined" sx={{ p: 2.5, minWidth: 220 }}>
          <Typography color="text.secondary">今日登记</Typography>
          <Typography data-testid="today-count" variant="h3" component="p" sx={{ fontWeight: 600, color: 'primary.main' }}>
            {todays.data ? todays.data.total : '…'}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            件投诉
          </Typography>
        </Paper>
        <Paper variant="outlined" sx={{ p: 2.5, flexGrow: 1, display: 'flex', flexDirection: 'column', justifyContent: 'center', gap: 1 }}>
          <Typography>{user.displayName}，您好。来访或来电投诉，请直接登记：</Typography>
          <Box>
            <Button
              component={RouterLink}
              to="/register"
              variant="contained"
              size="large"
              ref={registerButton}
              startIcon={<EditNoteIcon />}
              sx={{ px: 4, py: 1.5, fontSize: 18 }}
            >
              登记投诉
            </Button>
          </Box>
          <Typography variant="caption" color="text.secondary">
            快捷键：Alt+1 今日，Alt+2 登记投诉，Alt+3 案件
          </Typography>
        </Paper>
      </Stack>
      <Paper variant="outlined">
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, px: 2, pt: 1.5 }}>
          最新登记的案件
        </Typography>
        {newest.data === null ? (
          <CenteredMessage loading={!newest.error} />
        ) : newest.data.rows.length === 0 ? (
          <CenteredMessage>暂无案件</CenteredMessage>
        ) : (
          <List dense aria-label="最新登记的案件">
            {newest.data.rows.map((row) => (
              <ListItemButton key={row.id} component={RouterLink} to={`/cases/${row.id}`} divider>
                <ListItemText
                  primary={`${row.caseNo} · ${row.complainantName} 投诉 ${row.respondentName}`}
                  secondary={`${formatDateTime(row.receivedAt)} · ${row.subject} · ${row.categoryName}`}
                />
                <StatusChip status={row.status} />
              </ListItemButton>
            ))}
          </List>
        )}
      </Paper>
    </Stack>
  );
}
