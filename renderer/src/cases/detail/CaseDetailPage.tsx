import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Tooltip from '@mui/material/Tooltip';
import { useState, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import type { CaseDetail } from '../../../../shared/api/schemas/cases';
import { useApiQuery } from '../../api/useApiQuery';
import { CenteredMessage } from '../../common/CenteredMessage';
import { EvidenceTab } from '../../evidence/EvidenceTab';
import { ChecklistTab } from '../../investigation/ChecklistTab';
import { NoticesTab } from '../../notices/NoticesTab';
import { CaseHeader } from './CaseHeader';
import { HandlingTab } from './HandlingTab';
import { MediationTab } from './MediationTab';
import { OverviewTab } from './OverviewTab';
import { TimelineTab } from './timeline/TimelineTab';

const NOT_FOUND = '未找到该案件';

interface PanelContext {
  reload: () => void;
  show: (tab: string) => void;
}

interface TabSpec {
  key: string;
  label: string | ((c: CaseDetail) => string);
  panel?: (c: CaseDetail, ctx: PanelContext) => ReactNode;
}

/** The tabs of DESIGN.md "Screens". */
const TABS: TabSpec[] = [
  { key: 'overview', label: '概况', panel: (c) => <OverviewTab c={c} /> },
  {
    key: 'investigation',
    label: (c) => `调查（${c.checklist.filter((i) => i.state !== 'todo').length}/${c.checklist.length}）`,
    panel: (c, ctx) => <ChecklistTab c={c} onChanged={ctx.reload} onShowEvidence={() => ctx.show('evidence')} />,
  },
  { key: 'evidence', label: (c) => `证据（${c.evidence.filter((e) => !e.voided).length}）`, panel: (c, ctx) => <EvidenceTab c={c} onChanged={ctx.reload} /> },
  { key: 'mediation', label: '调解', panel: (c) => <MediationTab c={c} /> },
  { key: 'handling', label: '处理', panel: (c) => <HandlingTab c={c} /> },
  { key: 'notices', label: (c) => `文书（${c.notices.length}）`, panel: (c, ctx) => <NoticesTab c={c} reload={ctx.reload} /> },
  { key: 'timeline', label: '时间线', panel: (c) => <TimelineTab events={c.events} /> },
];

export function CaseDetailPage() {
  const { id } = useParams();
  const caseId = Number(id);
  if (!Number.isInteger(caseId) || caseId <= 0) return <CenteredMessage>{NOT_FOUND}</CenteredMessage>;
  return <CaseDetailView key={caseId} id={caseId} />;
}

function CaseDetailView({ id }: { id: number }) {
  const query = useApiQuery('cases.get', { id });
  const [tab, setTab] = useState('overview');

  // Once shown, a case stays on screen while it is read again (after a step, or a conflict).
  if (!query.data) {
    if (query.error) return <CenteredMessage>{query.error.code === 'NOT_FOUND' ? NOT_FOUND : query.error.message}</CenteredMessage>;
    return <CenteredMessage loading />;
  }
  const c = query.data;
  const panel = TABS.find((t) => t.key === tab)?.panel;

  return (
    <Box>
      <CaseHeader c={c} reload={query.reload} onShowTab={setTab} />
      <Paper variant="outlined">
        <Tabs value={tab} onChange={(_e, v: string) => setTab(v)} aria-label="案件详情" sx={{ borderBottom: 1, borderColor: 'divider', px: 1 }}>
          {TABS.map((t) => {
            const label = typeof t.label === 'function' ? t.label(c) : t.label;
            return t.panel ? (
              <Tab key={t.key} value={t.key} label={label} id={`case-tab-${t.key}`} aria-controls="case-panel" />
            ) : (
              <Tab
                key={t.key}
                value={t.key}
                disabled
                // A disabled button swallows hover; let the tooltip on the label still appear.
                sx={{ '&.Mui-disabled': { pointerEvents: 'auto' } }}
                label={
                  <Tooltip title="后续版本提供" describeChild>
                    <span>{label}</span>
                  </Tooltip>
                }
              />
            );
          })}
        </Tabs>
        <Box role="tabpanel" id="case-panel" aria-labelledby={`case-tab-${tab}`} sx={{ p: 2 }}>
          {panel?.(c, { reload: query.reload, show: setTab })}
        </Box>
      </Paper>
    </Box>
  );
}
