import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { Link as RouterLink, Outlet, useLocation } from 'react-router-dom';

export const settingsTabs = [
  { path: 'backup', label: '备份与恢复' },
  { path: 'office', label: '办公设置' },
  { path: 'rules', label: '时限规则' },
  { path: 'calendar', label: '节假日历' },
  { path: 'lists', label: '目录' },
  { path: 'regions', label: '地区' },
  { path: 'investigation', label: '调查与证据' },
  { path: 'users', label: '用户' },
] as const;

/**
 * 设置 (administrators): the backup first (设置 opens on it, so an old backup is seen), 办公设置 (every
 * office setting, a section at a time), time limits, the holiday calendar, lists, regions, checklists
 * and the evidence check, and users.
 */
export function SettingsPage() {
  const { pathname } = useLocation();
  const current = settingsTabs.find((t) => pathname.startsWith(`/settings/${t.path}`))?.path ?? false;
  return (
    <Stack spacing={1.5}>
      <Typography variant="h5" component="h1">
        设置
      </Typography>
      <Paper variant="outlined">
        <Tabs value={current} aria-label="设置" sx={{ borderBottom: 1, borderColor: 'divider', px: 1 }}>
          {settingsTabs.map((t) => (
            <Tab key={t.path} value={t.path} label={t.label} component={RouterLink} to={`/settings/${t.path}`} />
          ))}
        </Tabs>
        <Stack spacing={2} sx={{ p: 2 }}>
          <Outlet />
        </Stack>
      </Paper>
    </Stack>
  );
}
