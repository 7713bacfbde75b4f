import Alert from '@mui/material/Alert';
import type { ReactNode } from 'react';
import { useSession } from '../session/SessionContext';

export function AdminOnly({ children }: { children: ReactNode }) {
  const { user } = useSession();
  if (user.role !== 'admin') return <Alert severity="warning">此页面仅管理员可用，如需操作请联系管理员</Alert>;
  return <>{children}</>;
}
