import EditNoteIcon from '@mui/icons-material/EditNote';
import FolderOpenIcon from '@mui/icons-material/FolderOpen';
import PeopleIcon from '@mui/icons-material/People';
import SettingsIcon from '@mui/icons-material/Settings';
import TodayIcon from '@mui/icons-material/Today';
import type { ReactNode } from 'react';
import type { Role } from '../../../shared/api/schemas/common';

export interface NavItem {
  label: string;
  to: string;
  icon: ReactNode;
  /** The digit that jumps here with Alt (keyboard first at the counter). */
  hotkey?: '1' | '2' | '3';
  roles?: readonly Role[];
}

export const navItems: readonly NavItem[] = [
  { label: '今日', to: '/', icon: <TodayIcon />, hotkey: '1' },
  { label: '登记投诉', to: '/register', icon: <EditNoteIcon />, hotkey: '2' },
  { label: '案件', to: '/cases', icon: <FolderOpenIcon />, hotkey: '3' },
  { label: '用户', to: '/users', icon: <PeopleIcon />, roles: ['admin'] },
  { label: '单位与文书', to: '/settings/office', icon: <SettingsIcon />, roles: ['admin'] },
];

export function isActive(item: NavItem, pathname: string): boolean {
  return item.to === '/' ? pathname === '/' : pathname === item.to || pathname.startsWith(`${item.to}/`);
}
