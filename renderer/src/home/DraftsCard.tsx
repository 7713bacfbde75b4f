import EditNoteIcon from '@mui/icons-material/EditNote';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router-dom';
import { draftFormLabel } from '../../../shared/domain/drafts';
import { useApiQuery } from '../api/useApiQuery';
import { draftTime } from '../register/draftTime';
import { useSession } from '../session/SessionContext';

/**
 * 草稿 N: the signed-in user's forms typed and not yet saved, newest first, each one click (or
 * Enter) from its form with the draft restored. Shown only while there is one.
 */
export function DraftsCard() {
  const { today } = useSession();
  const list = useApiQuery('drafts.list', {});
  const drafts = list.data?.drafts ?? [];
  if (drafts.length === 0) return null;
  return (
    <Paper variant="outlined" component="section" aria-label="草稿" data-testid="drafts-card" sx={{ p: 1.5, maxWidth: 640 }}>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, display: 'flex', alignItems: 'center', gap: 1 }}>
        <EditNoteIcon fontSize="small" color="action" />
        草稿 {drafts.length}
        <Typography component="span" variant="caption" color="text.secondary">
          未保存的登记，打开即恢复
        </Typography>
      </Typography>
      <List dense disablePadding>
        {drafts.map((d) => (
          <ListItemButton key={`${d.form}|${d.key}`} component={RouterLink} to="/register" state={{ restoreDraft: d.key }}>
            <ListItemText primary={d.summary} secondary={`${draftFormLabel[d.form]} · ${draftTime(d.savedAt, today)} 保存`} />
          </ListItemButton>
        ))}
      </List>
    </Paper>
  );
}
