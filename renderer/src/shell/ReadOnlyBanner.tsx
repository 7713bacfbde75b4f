import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import { createContext, useContext } from 'react';
import type { OutputOf } from '../../../shared/api/contract';

export type Health = Pick<OutputOf<'setup.status'>, 'readOnly' | 'problem'>;

/** What the core said about the register at start (setup.status); read-only when it failed its check. */
export const HealthContext = createContext<Health>({ readOnly: false });
export const useHealth = () => useContext(HealthContext);

/**
 * Shown on every screen while the register is read-only: why, what still works, and (for an
 * administrator) the way to restore.
 */
export function ReadOnlyBanner({ canRestore }: { canRestore: boolean }) {
  const { readOnly, problem } = useHealth();
  if (!readOnly) return null;
  return (
    <Alert
      severity="error"
      role="alert"
      data-testid="read-only-banner"
      sx={{ mb: 2 }}
      action={
        canRestore ? (
          <Button color="inherit" variant="outlined" size="small" href="#/settings/backup" sx={{ whiteSpace: 'nowrap' }}>
            从备份恢复
          </Button>
        ) : undefined
      }
    >
      <AlertTitle>只读模式：数据文件未通过启动检查</AlertTitle>
      {problem?.message ?? '数据文件已损坏。'}
      {!canRestore && ' 请联系管理员。'}
    </Alert>
  );
}
