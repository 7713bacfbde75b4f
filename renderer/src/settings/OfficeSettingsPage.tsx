import Alert from '@mui/material/Alert';
import Grid from '@mui/material/Grid';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import type { OfficeSettingsView } from '../../../shared/api/schemas/officeSettings';
import { useApiQuery } from '../api/useApiQuery';
import { CenteredMessage } from '../common/CenteredMessage';
import { NumberingSection, OfficeSection } from './OfficeSections';
import { ArchiveSection, EvidenceSection, IntakeSection, WorkflowSection } from './RuleSections';
import type { Saved } from './useSectionForm';

/**
 * 设置 › 办公设置 (administrators): every office setting in one place, a section at a time — the
 * office and its notices, numbering, the workflow, registration, evidence and the archive — each
 * saved on its own through `officeSettings.saveSection`, so a mistake in one never holds the others.
 * The backup's place and time stay beside 立即备份 and 恢复 on 备份与恢复.
 */
export function OfficeSettingsPage() {
  const query = useApiQuery('officeSettings.get', {});
  const [view, setView] = useState<OfficeSettingsView | null>(null);
  useEffect(() => {
    if (query.data) setView(query.data);
  }, [query.data]);
  if (!view) return <CenteredMessage loading={!query.error}>{query.error?.message}</CenteredMessage>;

  const onSaved = (saved: Saved) => setView(saved);
  return (
    <Stack spacing={2}>
      <Typography variant="body2" color="text.secondary">
        每一部分单独保存；填错的项目在旁边说明原因，其余设置不受影响。每次修改都记入审计日志（修改前与修改后）。
      </Typography>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 7 }}>
          <Stack spacing={2}>
            <OfficeSection view={view} onSaved={onSaved} onSealChanged={query.reload} />
            <NumberingSection view={view} onSaved={onSaved} />
          </Stack>
        </Grid>
        <Grid size={{ xs: 12, lg: 5 }}>
          <Stack spacing={2}>
            <IntakeSection view={view} onSaved={onSaved} />
            <WorkflowSection view={view} onSaved={onSaved} />
            <EvidenceSection view={view} onSaved={onSaved} />
            <ArchiveSection view={view} onSaved={onSaved} />
            <Alert severity="info" variant="outlined">
              备份位置与每日自动备份时间：{view.backup.dir ? `${view.backup.dir}，${view.backup.dailyAt ? `每天 ${view.backup.dailyAt}` : '不自动备份'}` : '尚未设置'}。在{' '}
              <Link component={RouterLink} to="/settings/backup">
                备份与恢复
              </Link>{' '}
              中修改。
            </Alert>
          </Stack>
        </Grid>
      </Grid>
    </Stack>
  );
}
