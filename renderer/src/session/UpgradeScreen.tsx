import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { OutputOf } from '../../../shared/api/contract';
import { percentDone } from '../../../shared/percentDone';

type Upgrading = NonNullable<OutputOf<'setup.status'>['upgrading']>;

/**
 * The register written by an earlier version is being brought up to this one (the core decides
 * and says how far it is): minutes on a large register, once, after installing a new version.
 */
export function UpgradeScreen({ upgrading }: { upgrading: Upgrading }) {
  const pct = upgrading.total > 0 ? percentDone(upgrading.done, upgrading.total) : null;
  return (
    <Box sx={{ maxWidth: 560, mx: 'auto', mt: 12, px: 2 }}>
      <Paper variant="outlined" sx={{ p: 4 }} data-testid="upgrade-screen" role="status" aria-live="polite">
        <Typography variant="h5" component="h1" gutterBottom>
          正在升级数据文件
        </Typography>
        <Typography color="text.secondary" gutterBottom>
          新版本程序第一次打开本会的登记簿，正在把它升级到新版本的格式。登记簿较大时需要几分钟，完成后自动进入登录页面。
        </Typography>
        <Typography sx={{ mt: 3 }}>
          {upgrading.step}
          {pct !== null ? `（${pct}%）` : '…'}
        </Typography>
        <LinearProgress sx={{ mt: 1.5, height: 8, borderRadius: 1 }} {...(pct !== null ? { variant: 'determinate', value: pct } : {})} aria-label="升级进度" />
        <Alert severity="info" sx={{ mt: 3 }}>
          升级前已自动备份原数据文件。请不要关闭程序或电脑；如果中途断电，下次打开时会从头重新升级，已有数据不受影响。
        </Alert>
      </Paper>
    </Box>
  );
}
