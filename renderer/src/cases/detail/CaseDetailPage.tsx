import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Tooltip from '@mui/material/Tooltip';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { useApiQuery } from '../../api/useApiQuery';
import { CenteredMessage } from '../../common/CenteredMessage';
import { NoticesTab } from '../../notices/NoticesTab';
import { CaseHeader } from './CaseHeader';
import { OverviewTab } from './OverviewTab';
import { TimelineTab } from './TimelineTab';

const NOT_FOUND = '未找到该案件';

/** Tabs that later versions fill in (DESIGN.md "Screens"), shown so the layout does not move then. */
const LATER_TABS = ['调查', '证据', '调解', '处理'] as const;

type TabName = 'overview' | 'notices' | 'timeline';

export function CaseDetailPage() {
  const { id } = useParams();
  const caseId = Number(id);
  if (!Number.isInteger(caseId) || caseId <= 0) return <CenteredMessage>{NOT_FOUND}</CenteredMessage>;
  return <CaseDetailView key={caseId} id={caseId} />;
}

function CaseDetailView({ id }: { id: number }) {
  const query = useApiQuery('cases.get', { id });
  const [tab, setTab] = useState<TabName>('overview');

  if (query.error) {
    return <CenteredMessage>{query.error.code === 'NOT_FOUND' ? NOT_FOUND : query.error.message}</CenteredMessage>;
  }
  if (!query.data) return <CenteredMessage loading />;
  const c = query.data;

  return (
    <Box>
      <CaseHeader c={c} />
      <Paper variant="outlined">
        <Tabs
          value={tab}
          onChange={(_e, v: TabName) => setTab(v)}
          aria-label="案件详情"
          sx={{ borderBottom: 1, borderColor: 'divider', px: 1 }}
        >
          <Tab value="overview" label="概况" id="case-tab-overview" aria-controls="case-panel" />
          {LATER_TABS.map((label) => (
            <Tab
              key={label}
              value={label}
              disabled
              // A disabled button swallows hover; let the tooltip on the label still appear.
              sx={{ '&.Mui-disabled': { pointerEvents: 'auto' } }}
              label={
                <Tooltip title="后续版本提供" describeChild>
                  <span>{label}</span>
                </Tooltip>
              }
            />
          ))}
          <Tab value="notices" label="文书" id="case-tab-notices" aria-controls="case-panel" />
          <Tab value="timeline" label="时间线" id="case-tab-timeline" aria-controls="case-panel" />
        </Tabs>
        <Box role="tabpanel" id="case-panel" aria-labelledby={`case-tab-${tab}`} sx={{ p: 2 }}>
          {tab === 'overview' && <OverviewTab c={c} />}
          {tab === 'notices' && <NoticesTab c={c} reload={query.reload} />}
          {tab === 'timeline' && <TimelineTab events={c.events} />}
        </Box>
      </Paper>
    </Box>
  );
}
