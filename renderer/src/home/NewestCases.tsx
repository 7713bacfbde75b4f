import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router-dom';
import { useApiQuery } from '../api/useApiQuery';
import { StatusChip } from '../cases/StatusChip';
import { CenteredMessage } from '../common/CenteredMessage';
import { formatDateTime } from '../format';

/** The ten cases registered last, whatever their receipt date (a letter may arrive weeks before it is entered), one click each. */
export function NewestCases() {
  const newest = useApiQuery('cases.search', { page: 1, pageSize: 10, sort: 'registeredAt:desc' });
  return (
    <Paper variant="outlined">
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, px: 2, pt: 1.5 }}>
        最新收到的投诉
      </Typography>
      {newest.data === null ? (
        <CenteredMessage loading={!newest.error}>{newest.error?.message}</CenteredMessage>
      ) : newest.data.rows.length === 0 ? (
        <CenteredMessage>暂无案件</CenteredMessage>
      ) : (
        <List dense aria-label="最新收到的投诉">
          {newest.data.rows.map((row) => (
            // A list holds list items only: each link sits in its <li>.
            <ListItem key={row.id} disablePadding divider>
              <ListItemButton component={RouterLink} to={`/cases/${row.id}`}>
                <ListItemText
                  primary={`${row.caseNo} · ${row.complainantName} 投诉 ${row.respondentName}`}
                  secondary={`收到 ${formatDateTime(row.receivedAt)} · ${row.subject} · ${row.categoryName}`}
                />
                <StatusChip status={row.status} />
              </ListItemButton>
            </ListItem>
          ))}
        </List>
      )}
    </Paper>
  );
}
