import KeyIcon from '@mui/icons-material/Key';
import LogoutIcon from '@mui/icons-material/Logout';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Divider from '@mui/material/Divider';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Outlet } from 'react-router-dom';
import { useHasUnsaved } from '../common/unsavedChanges';
import { roleLabel } from '../session/roleLabel';
import { useSession } from '../session/SessionContext';
import { useTopNotices } from '../session/TopNotices';
import { ChangePasswordDialog } from './ChangePasswordDialog';
import { ReadOnlyBanner } from './ReadOnlyBanner';
import { SideNav } from './SideNav';
import { StickyNotices } from './StickyNotices';
import { useNavHotkeys } from './useNavHotkeys';

const NAV_WIDTH = 168;

/** The signed-in frame: app bar, left navigation, and the current screen. */
export function Shell() {
  const { user, officeName, logout } = useSession();
  const hasUnsaved = useHasUnsaved();
  const topNotices = useTopNotices();
  const [confirmLogout, setConfirmLogout] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);
  useNavHotkeys();

  const requestLogout = () => {
    if (hasUnsaved()) setConfirmLogout(true);
    else void logout();
  };

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh', bgcolor: 'background.default' }}>
      <AppBar position="fixed" elevation={0} sx={{ zIndex: (t) => t.zIndex.drawer + 1 }}>
        <Toolbar variant="dense" sx={{ gap: 2 }}>
          <Typography variant="h6" component="p" sx={{ fontSize: 17, fontWeight: 600, whiteSpace: 'nowrap' }}>
            消费投诉受理处理系统
          </Typography>
          <Typography data-testid="office-name" sx={{ opacity: 0.85, flexGrow: 1 }} noWrap>
            {officeName}
          </Typography>
          <Typography data-testid="current-user" noWrap>
            {user.displayName}（{roleLabel[user.role]}）
          </Typography>
          <Divider orientation="vertical" flexItem sx={{ borderColor: 'rgba(255,255,255,0.3)' }} />
          <Button color="inherit" startIcon={<KeyIcon />} onClick={() => setChangingPassword(true)}>
            修改密码
          </Button>
          <Button color="inherit" startIcon={<LogoutIcon />} onClick={requestLogout}>
            退出
          </Button>
        </Toolbar>
      </AppBar>
      <SideNav width={NAV_WIDTH} role={user.role} />
      {/* A column at least as tall as the window, so a page that fills it (fillMain.ts) takes what the notices above it leave. */}
      <Box component="main" sx={{ flexGrow: 1, minWidth: 0, p: 2.5, pt: 'calc(48px + 20px)', boxSizing: 'border-box', minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
        {topNotices && <StickyNotices>{topNotices}</StickyNotices>}
        <ReadOnlyBanner canRestore={user.role === 'admin'} />
        <Outlet />
      </Box>
      <ChangePasswordDialog open={changingPassword} onClose={() => setChangingPassword(false)} />
      <Dialog open={confirmLogout} onClose={() => setConfirmLogout(false)}>
        <DialogTitle>退出登录？</DialogTitle>
        <DialogContent>
          <DialogContentText>登记页上有尚未保存的内容，退出后这些内容将会丢失。</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button autoFocus onClick={() => setConfirmLogout(false)}>
            留在此页
          </Button>
          <Button color="error" onClick={() => void logout()}>
            放弃并退出
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
