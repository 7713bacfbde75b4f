import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router-dom';
import type { RepeatLink } from '../../../../shared/api/schemas/repeats';

/** 重复投诉: the earlier complaint this case repeats, and the later ones linked to it, each one click away. */
export function RepeatLinks({ links }: { links: RepeatLink[] }) {
  if (links.length === 0) return null;
  const of = links.filter((l) => l.role === 'repeatOf');
  const by = links.filter((l) => l.role === 'repeatedBy');
  const caseLink = (l: RepeatLink) => (
    <Link key={l.caseId} component={RouterLink} to={`/cases/${l.caseId}`} sx={{ mr: 1 }}>
      {l.caseNo}
    </Link>
  );
  return (
    <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="repeat-links">
      {of.length > 0 && (
        <Typography variant="body2" color="warning.dark">
          重复投诉：{of.map(caseLink)}
        </Typography>
      )}
      {by.length > 0 && (
        <Typography variant="body2" color="warning.dark">
          后续重复投诉：{by.map(caseLink)}
        </Typography>
      )}
    </Stack>
  );
}
