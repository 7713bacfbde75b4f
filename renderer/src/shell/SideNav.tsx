import Drawer from '@mui/material/Drawer';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Toolbar from '@mui/material/Toolbar';
import Tooltip from '@mui/material/Tooltip';
import { Link as RouterLink, useLocation } from 'react-router-dom';
import type { Role } from '../../../shared/api/schemas/common';
import { isActive, navItems } from './navItems';

export function SideNav({ width, role }: { width: number; role: Role }) {
  const { pathname } = useLocation();
  const items = navItems.filter((i) => !i.roles || i.roles.includes(role));
  return (
    <Drawer
      variant="permanent"
      sx={{ width, flexShrink: 0, '& .MuiDrawer-paper': { width, boxSizing: 'border-box' } }}
    >
      <Toolbar variant="dense" />
      <nav aria-label="主导航">
        <List dense>
          {items.map((item) => {
            const active = isActive(item, pathname);
            // A list holds list items only: each link sits in its <li>.
            return (
              <ListItem key={item.to} disablePadding>
                <Tooltip title={item.hotkey ? `快捷键 Alt+${item.hotkey}` : ''} placement="right" describeChild>
                  <ListItemButton
                    component={RouterLink}
                    to={item.to}
                    selected={active}
                    aria-current={active ? 'page' : undefined}
                    aria-keyshortcuts={item.hotkey ? `Alt+${item.hotkey}` : undefined}
                  >
                    <ListItemIcon sx={{ minWidth: 36 }}>{item.icon}</ListItemIcon>
                    <ListItemText primary={item.label} />
                  </ListItemButton>
                </Tooltip>
              </ListItem>
            );
          })}
        </List>
      </nav>
    </Drawer>
  );
}
