import Alert from '@mui/material/Alert';
import LinearProgress from '@mui/material/LinearProgress';

/** While a step's lists (grounds, measures) load, or why they did not. */
export function RulesLoading({ error }: { error: string | null }) {
  return error ? <Alert severity="error">{error}</Alert> : <LinearProgress aria-label="正在读取规则" />;
}
