import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { UserView } from '../../../shared/api/schemas/common';
import { useApiQuery } from '../api/useApiQuery';
import { CenteredMessage } from '../common/CenteredMessage';
import { roleLabel } from '../session/roleLabel';
import { CreateUserForm } from './CreateUserForm';
import { DisableUserDialog } from './DisableUserDialog';
import { ResetPasswordDialog } from './ResetPasswordDialog';

/** 设置 · 用户 (admin only): who may sign in, in which role, and who no longer may. */
export function UsersPage() {
  const users = useApiQuery('users.list', {});
  const [resetting, setResetting] = useState<UserView | null>(null);
  const [toggling, setToggling] = useState<(UserView & { disabled: boolean }) | null>(null);
  return (
    <Stack spacing={2}>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1.5 }}>
          新建用户
        </Typography>
        <CreateUserForm onCreated={users.reload} />
      </Paper>
      <Paper variant="outlined">
        {users.error && <Alert severity="error">{users.error.message}</Alert>}
        {users.data === null ? (
          <CenteredMessage loading={!users.error} />
        ) : (
          <Table size="small" aria-label="用户列表">
            <TableHead>
              <TableRow>
                <TableCell>用户名</TableCell>
                <TableCell>姓名</TableCell>
                <TableCell>角色</TableCell>
                <TableCell>状态</TableCell>
                <TableCell align="right">操作</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {users.data.users.map((u) => (
                <TableRow key={u.id} sx={u.disabled ? { '& td': { color: 'text.disabled' } } : undefined}>
                  <TableCell>{u.username}</TableCell>
                  <TableCell>{u.displayName}</TableCell>
                  <TableCell>{roleLabel[u.role]}</TableCell>
                  <TableCell>{u.disabled ? '已停用' : '在用'}</TableCell>
                  <TableCell align="right">
                    <Button size="small" onClick={() => setResetting(u)} aria-label={`重置密码：${u.displayName}`}>
                      重置密码
                    </Button>
                    <Button size="small" color={u.disabled ? 'primary' : 'error'} onClick={() => setToggling(u)} aria-label={`${u.disabled ? '启用' : '停用'} ${u.displayName}`}>
                      {u.disabled ? '启用' : '停用'}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Paper>
      <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} />
      <DisableUserDialog
        user={toggling}
        onClose={() => setToggling(null)}
        onDone={() => {
          setToggling(null);
          users.reload();
        }}
      />
    </Stack>
  );
}
