import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/** The narrow card the setup and login pages share, under the application's name. */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box
      sx={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        p: 2,
        bgcolor: 'background.default',
      }}
    >
      <Typography variant="h5" component="p" sx={{ color: 'primary.main', fontWeight: 600, mb: 3 }}>
        消费投诉受理处理系统
      </Typography>
      <Paper variant="outlined" component="main" sx={{ width: '100%', maxWidth: 420, p: 4 }}>
        <Typography variant="h6" component="h1" sx={{ mb: 2 }}>
          {title}
        </Typography>
        {children}
      </Paper>
    </Box>
  );
}
