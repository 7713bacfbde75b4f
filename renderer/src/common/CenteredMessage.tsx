import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/** A quiet placeholder while something loads, or a message where content would be. */
export function CenteredMessage({ loading = false, children }: { loading?: boolean; children?: ReactNode }) {
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 2, py: 8 }}>
      {loading && <CircularProgress size={32} aria-label="正在加载" />}
      {children && <Typography color="text.secondary">{children}</Typography>}
    </Box>
  );
}
