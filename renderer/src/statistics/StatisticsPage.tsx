import FileDownloadIcon from '@mui/icons-material/FileDownload';
import PrintIcon from '@mui/icons-material/Print';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useApiQuery } from '../api/useApiQuery';
import { CenteredMessage } from '../common/CenteredMessage';
import { ExportDialog } from '../exports/ExportDialog';
import { useExport } from '../exports/useExport';
import { useSession } from '../session/SessionContext';
import { useToday } from '../session/useToday';
import { BreakdownTable } from './BreakdownTable';
import { breakdownsOf } from './breakdowns';
import { HeadlineFigures } from './HeadlineFigures';
import { asOfLabel } from '../../../shared/domain/yearEarlier';
import { countedLabel, periodFrom, periodLabel, type Period } from './period';
import { PeriodPicker } from './PeriodPicker';
import { PrintReport, printReport } from './PrintReport';
import { StatsCharts } from './StatsCharts';
import { TopRespondents } from './TopRespondents';

const TOP = 'top';
/** How often 统计 reads the figures again while the repeat flags are being counted again. */
const RECOUNT_POLL_MS = 2000;

/**
 * 统计: a period's headline figures beside the same period a year earlier, charts, the breakdowns
 * and the businesses complained about most. Every count opens the cases behind it; the period report
 * prints on A4 and exports to Excel. The period lives in the address; by default the current month
 * by the core's clock.
 */
export function StatisticsPage() {
  const { user, officeName } = useSession();
  const today = useToday();
  const [search, setSearch] = useSearchParams();
  const period = periodFrom(search, today);
  const setPeriod = (p: Period) => setSearch({ period: p.kind, from: p.from, to: p.to }, { replace: true });
  const summary = useApiQuery('stats.summary', { from: period.from, to: period.to });
  const [tab, setTab] = useState('category');
  const exporting = useExport();
  const [exportOpen, setExportOpen] = useState(false);
  const s = summary.data && summary.data.from === period.from && summary.data.to === period.to ? summary.data : null;
  // While the repeat figures are counted again (the window changed), read them again until they are final.
  const recounting = summary.data?.repeatRecount != null;
  const { reload } = summary;
  useEffect(() => {
    if (!recounting) return;
    const timer = setTimeout(reload, RECOUNT_POLL_MS);
    return () => clearTimeout(timer);
  }, [recounting, reload, summary.data]);
  const shown = s ?? summary.data;

  const startExport = () => {
    setExportOpen(true);
    void exporting.start({ kind: 'stats', period: { from: period.from, to: period.to } });
  };

  return (
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1" sx={{ mr: 1 }}>
          统计
        </Typography>
        <PeriodPicker period={period} today={today} onChange={setPeriod} />
        <Box sx={{ flexGrow: 1 }} />
        <Button variant="outlined" startIcon={<PrintIcon />} onClick={() => void printReport()} disabled={!s}>
          打印报表
        </Button>
        <Button variant="outlined" startIcon={<FileDownloadIcon />} onClick={startExport} disabled={!s}>
          导出Excel
        </Button>
      </Stack>
      <Typography color="text.secondary" data-testid="stats-period">
        {s ? countedLabel(period, s.through) : periodLabel(period)}，按收到投诉的日期计，与上年同期比较
        {/* Whole on the next line where the period's words leave no room (a custom period at 1366 px). */}
        {s?.yearEarlier.asOf && (
          <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
            （上年同期的{asOfLabel(s.yearEarlier.asOf)}）
          </Box>
        )}
      </Typography>
      {summary.error && <Alert severity="error">{summary.error.message}</Alert>}
      {!shown ? (
        <CenteredMessage loading={!summary.error}>{summary.error?.message}</CenteredMessage>
      ) : (
        <Box sx={{ opacity: s ? 1 : 0.5, transition: 'opacity 0.2s' }} aria-busy={!s}>
          <Stack spacing={1.5}>
            <HeadlineFigures summary={shown} />
            <StatsCharts summary={shown} />
            <Paper variant="outlined">
              <Tabs value={tab} onChange={(_e, v: string) => setTab(v)} aria-label="分类统计" variant="scrollable" sx={{ borderBottom: 1, borderColor: 'divider', px: 1 }}>
                {breakdownsOf(shown).map((b) => (
                  <Tab key={b.key} value={b.key} label={b.title} />
                ))}
                <Tab value={TOP} label="被投诉较多的经营者" />
              </Tabs>
              <Box sx={{ overflowX: 'auto' }} role="tabpanel" aria-label="分类统计表">
                {tab === TOP ? (
                  <TopRespondents summary={shown} />
                ) : (
                  breakdownsOf(shown)
                    .filter((b) => b.key === tab)
                    .map((b) => (
                      <Box key={b.key}>
                        <BreakdownTable breakdown={b} period={shown} total={shown} />
                        {b.note && (
                          <Typography variant="caption" color="text.secondary" component="p" sx={{ px: 2, py: 1 }}>
                            {b.note}
                          </Typography>
                        )}
                      </Box>
                    ))
                )}
              </Box>
            </Paper>
          </Stack>
        </Box>
      )}
      {s && <PrintReport summary={s} period={period} officeName={officeName} preparedBy={user.displayName} today={today} />}
      {exportOpen && (
        <ExportDialog
          title={`导出统计报表（${periodLabel(period)}）`}
          unit="份"
          run={exporting.run}
          onCancel={() => void exporting.cancel()}
          onClose={() => {
            setExportOpen(false);
            exporting.reset();
          }}
        />
      )}
    </Stack>
  );
}
