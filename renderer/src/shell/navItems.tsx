import AutoStoriesIcon from '@mui/icons-material/AutoStories';
import BarChartIcon from '@mui/icons-material/BarChart';
import EditNoteIcon from '@mui/icons-material/EditNote';
import FolderOpenIcon from '@mui/icons-material/FolderOpen';
import QuestionAnswerIcon from '@mui/icons-material/QuestionAnswer';
import SettingsIcon from '@mui/icons-material/Settings';
import StoreIcon from '@mui/icons-material/Store';
import TodayIcon from '@mui/icons-material/Today';
import type { ReactNode } from 'react';
import type { Role } from '../../../shared/api/schemas/common';

export interface NavItem {
  label: string;
  to: string;
  icon: ReactNode;
  /** The digit that jumps here with Alt (keyboard first at the counter). */
  hotkey?: '1' | '2' | '3' | '4' | '5';
  roles?: readonly Role[];
}

export const navItems: readonly NavItem[] = [
  { label: '今日', to: '/', icon: <TodayIcon />, hotkey: '1' },
  { label: '登记投诉', to: '/register', icon: <EditNoteIcon />, hotkey: '2' },
  { label: '咨询', to: '/enquiries', icon: <QuestionAnswerIcon />, hotkey: '5' },
  { label: '案件', to: '/cases', icon: <FolderOpenIcon />, hotkey: '3' },
  { label: '被投诉方', to: '/respondents', icon: <StoreIcon /> },
  { label: '统计', to: '/statistics', icon: <BarChartIcon />, hotkey: '4' },
  { label: '典型案例', to: '/typical', icon: <AutoStoriesIcon />, roles: ['supervisor', 'admin'] },
  { label: '设置', to: '/settings', icon: <SettingsIcon />, roles: ['admin'] },
];

export function isActive(item: NavItem, pathname: string): boolean {
  return item.to === '/' ? pathname === '/' : pathname === item.to || pathname.startsWith(`${item.to}/`);
}
