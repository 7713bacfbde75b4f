import CardActionArea from '@mui/material/CardActionArea';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router-dom';
import { useApiQuery } from '../api/useApiQuery';
import { listLinkOf, noFilters, searchInputOf, type CaseFilters } from '../cases/caseFilters';

interface Props {
  label: string;
  filters: Partial<CaseFilters>;
  caption: string;
  /** Colour of a count above zero. */
  colour: string;
  testId: string;
}

/**
 * A count of cases, one click from the list it counts: both come from the same filters. The link
 * is named by what it shows ("待我审批 2 件 · …"), so a screen reader and a voice command say the
 * words on the card (WCAG 2.5.3).
 */
export function CountCard({ label, filters, caption, colour, testId }: Props) {
  const count = useApiQuery('cases.search', { ...searchInputOf({ ...noFilters, ...filters }), page: 1, pageSize: 1 });
  const total = count.data?.total;
  return (
    <Paper variant="outlined" sx={{ flex: '1 1 180px', minWidth: 150, maxWidth: 320 }}>
      <CardActionArea component={RouterLink} to={listLinkOf(filters)} sx={{ p: 1.5, height: '100%' }}>
        <Typography color="text.secondary" variant="body2">
          {label}
        </Typography>
        <Typography data-testid={testId} variant="h4" component="p" sx={{ fontWeight: 600, color: total ? colour : 'text.secondary' }}>
          {total ?? '…'}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          件 · {caption}
        </Typography>
      </CardActionArea>
    </Paper>
  );
}
