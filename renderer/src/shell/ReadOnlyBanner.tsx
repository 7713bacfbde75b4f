import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import { createContext, useContext } from 'react';
import type { OutputOf } from '../../../shared/api/contract';

export type Health = Pick<OutputOf<'setup.status'>, 'readOnly' | 'problem' | 'room'>;

/** What the core said about the register at start (setup.status); read-only when it failed its check. */
export const HealthContext = createContext<Health>({ readOnly: false });
export const useHealth = () => useContext(HealthContext);

type ProblemCode = NonNullable<Health['problem']>['code'];

/** Problems of the disk or the folder, not of the file: a backup restored would not help, so none is offered. */
const NOT_THE_FILE: Partial<Record<ProblemCode, string>> = {
  diskFull: '只读模式：磁盘空间不足，数据文件未能升级',
  readOnlyFolder: '只读模式：数据文件夹无法写入',
};

/**
 * Shown on every screen while the register is read-only: why, what still works, and (for an
 * administrator) the way to restore where restoring helps.
 */
export function ReadOnlyBanner({ canRestore }: { canRestore: boolean }) {
  const { readOnly, problem } = useHealth();
  if (!readOnly) return null;
  const notTheFile = problem ? NOT_THE_FILE[problem.code] : undefined;
  return (
    <Alert
      severity="error"
      role="alert"
      data-testid="read-only-banner"
      sx={{ mb: 2 }}
      action={
        canRestore && !notTheFile ? (
          <Button color="inherit" variant="outlined" size="small" href="#/settings/backup" sx={{ whiteSpace: 'nowrap' }}>
            从备份恢复
          </Button>
        ) : undefined
      }
    >
      <AlertTitle>{notTheFile ?? '只读模式：数据文件未通过启动检查'}</AlertTitle>
      {problem?.message ?? '数据文件已损坏。'}
      {!canRestore && ' 请联系管理员。'}
    </Alert>
  );
}
