import Grid from '@mui/material/Grid';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useId, type ReactNode } from 'react';

/** One numbered block of the register page, in the order a clerk asks the questions. */
export function FormSection({ step, title, children }: { step: number; title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <Paper variant="outlined" component="section" aria-labelledby={headingId} sx={{ p: 2 }}>
      <Typography id={headingId} variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1.5 }}>
        {step}. {title}
      </Typography>
      <Grid container spacing={1.5}>
        {children}
      </Grid>
    </Paper>
  );
}
