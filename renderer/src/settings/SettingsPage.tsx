import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { useApiQuery } from '../api/useApiQuery';
import { BackupSummary } from '../backup/BackupSummary';
import { CenteredMessage } from '../common/CenteredMessage';
import { ChecklistTemplatesSection } from './ChecklistTemplatesSection';
import { EvidenceLimitSection } from './EvidenceLimitSection';

function Section({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label={title}>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: hint ? 0 : 1.5 }}>
        {title}
      </Typography>
      {hint && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
          {hint}
        </Typography>
      )}
      {children}
    </Paper>
  );
}

/** 设置 (administrators): the backup first (its age is a warning), then the office's lists and limits. Users have their own page. */
export function SettingsPage() {
  const status = useApiQuery('backup.status', {});
  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h1">
        设置
      </Typography>
      <Section title="备份">
        {status.data ? <BackupSummary status={status.data} /> : <CenteredMessage loading={!status.error}>{status.error?.message}</CenteredMessage>}
        <Button component={RouterLink} to="/settings/backup" variant="outlined" sx={{ mt: 1.5 }}>
          备份与恢复…
        </Button>
      </Section>
      <Section title="调查清单" hint="每个投诉类别的调查清单模板。保存后成为新版本：新登记的案件使用新版本，已登记的案件保留登记时的清单。">
        <ChecklistTemplatesSection />
      </Section>
      <Section title="证据" hint="超过上限的文件在复制前即被拒绝。校验会重新计算每个文件的 SHA-256，找出缺失或被改动的文件。">
        <EvidenceLimitSection />
      </Section>
    </Stack>
  );
}
