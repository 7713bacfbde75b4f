import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { BarChart } from '@mui/x-charts/BarChart';
import { ChartsLocalizationProvider } from '@mui/x-charts/ChartsLocalizationProvider';
import { PieChart } from '@mui/x-charts/PieChart';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import type { StatsSummary } from '../../../shared/api/schemas/stats';
import { listLinkOf } from '../cases/caseFilters';
import { shareSlices } from './breakdowns';
import { axisEndWithRoom } from './numbers';
import { monthCn, monthWithin } from './period';

const chartsZhCN = { loading: '正在加载…', noData: '本期没有投诉' };
/**
 * Room under the bars for their labels: with a Chinese face's line height the charts' default
 * (25 px) cuts every label on the bottom axis to nothing.
 */
const BOTTOM_AXIS = 32;
/** One per slice of `shareSlices` (SHARE_SLICES of them), told apart at a glance and in print. */
const SLICE_COLOURS = ['#1f4e79', '#2e7d32', '#c77700', '#6a1b9a', '#00838f', '#ad1457', '#8d6e63'];

function ChartBox({ title, caption, children }: { title: string; caption: string; children: ReactNode }) {
  return (
    <Paper variant="outlined" component="figure" sx={{ m: 0, p: 1.5, minWidth: 0 }} aria-label={title}>
      <Typography variant="subtitle2" component="figcaption" sx={{ fontWeight: 600 }}>
        {title}
        <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1 }}>
          {caption}
        </Typography>
      </Typography>
      {children}
    </Paper>
  );
}

/**
 * What a person would rather look at than read: the trend by month (or, within one month, the
 * channels), and each category's share. A click on a bar or a slice opens its cases.
 */
export function StatsCharts({ summary }: { summary: StatsSummary }) {
  const navigate = useNavigate();
  const period = { from: summary.from, to: summary.to };
  const byMonth = summary.byMonth.length > 1;
  const oneYear = summary.from.slice(0, 4) === summary.to.slice(0, 4);
  // The largest categories, each in a colour of its own; the rest together in grey.
  const slices = shareSlices(summary.byCategory).map((s, i) => ({ ...s, color: s.id ? SLICE_COLOURS[i]! : '#b0bec5' }));

  return (
    <ChartsLocalizationProvider localeText={chartsZhCN}>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '3fr 2fr' }, gap: 1.25 }} data-testid="stats-charts">
        {byMonth ? (
          <ChartBox title="按月趋势" caption="件">
            <BarChart
              key="months"
              height={240}
              skipAnimation
              xAxis={[{ scaleType: 'band', height: BOTTOM_AXIS, data: summary.byMonth.map((m) => (oneYear ? `${Number(m.month.slice(5))}月` : monthCn(m.month))) }]}
              // As wide as its longest count: a fixed 40 px cut a year's months at a large office to "40,…".
              yAxis={[{ tickMinStep: 1, width: 'auto' }]}
              series={[
                { data: summary.byMonth.map((m) => m.received), label: '收到', color: '#90a4ae' },
                { data: summary.byMonth.map((m) => m.accepted), label: '受理', color: '#1f4e79' },
                { data: summary.byMonth.map((m) => m.resolved), label: '解决', color: '#2e7d32' },
              ]}
              onAxisClick={(_e, d) => {
                const m = d ? summary.byMonth[d.dataIndex] : undefined;
                if (m) void navigate(listLinkOf(monthWithin(m.month, period)));
              }}
            />
          </ChartBox>
        ) : (
          <ChartBox title="按渠道" caption="收到的投诉，件">
            <BarChart
              key="channels"
              height={240}
              skipAnimation
              layout="horizontal"
              yAxis={[{ scaleType: 'band', data: summary.byChannel.map((c) => c.name), width: 80 }]}
              xAxis={[{ tickMinStep: 1, height: BOTTOM_AXIS, domainLimit: (_min, max) => ({ min: 0, max: axisEndWithRoom(Number(max)) }) }]}
              // The count after its bar: written on it, a channel of few cases (传真's 27 against 网络's
              // 1,499) had a bar narrower than its count, which then ran over the axis and its names.
              series={[{ data: summary.byChannel.map((c) => c.received), label: '收到', color: '#8db4dd', barLabel: 'value', barLabelPlacement: 'outside' }]}
              hideLegend
              onAxisClick={(_e, d) => {
                const c = d ? summary.byChannel[d.dataIndex] : undefined;
                if (c) void navigate(listLinkOf({ ...period, channel: c.key }));
              }}
            />
          </ChartBox>
        )}
        <ChartBox title="类别占比" caption="收到的投诉">
          <PieChart
            height={240}
            skipAnimation
            series={[
              {
                data: slices,
                innerRadius: 40,
                outerRadius: 95,
                paddingAngle: 1,
                cornerRadius: 3,
                valueFormatter: (v) => `${v.value} 件（${summary.received ? ((v.value / summary.received) * 100).toFixed(1) : 0}%）`,
              },
            ]}
            slotProps={{ legend: { direction: 'vertical', position: { vertical: 'middle', horizontal: 'end' } } }}
            onItemClick={(_e, item) => {
              const slice = slices[item.dataIndex];
              if (slice?.id) void navigate(listLinkOf({ ...period, category: slice.id }));
            }}
          />
        </ChartBox>
      </Box>
    </ChartsLocalizationProvider>
  );
}

