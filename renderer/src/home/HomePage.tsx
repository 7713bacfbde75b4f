import EditNoteIcon from '@mui/icons-material/EditNote';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, type ReactNode } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import { deadlineKindLabel, deadlineKinds, type DeadlineKind } from '../../../shared/domain/deadlines';
import { useApiQuery } from '../api/useApiQuery';
import { dueFilterKeys, dueFilters, type DueFilter } from '../cases/caseFilters';
import { FilterSelect } from '../cases/FilterSelect';
import { formatDateCn } from '../format';
import { useSession } from '../session/SessionContext';
import { CountCard } from './CountCard';
import { DraftsCard } from './DraftsCard';
import { NewestCases } from './NewestCases';
import { workCardsOf } from './workQueues';

const COLOUR: Record<DueFilter, string> = { overdue: 'error.main', today: 'warning.dark', soon: 'primary.main' };

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section" aria-label={title}>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
        {title}
      </Typography>
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {children}
      </Stack>
    </Box>
  );
}

/**
 * 今日: the queues this user's role works (待受理, 待补正, 待我审批, 待指派, 转办已答复待结案, 被退回,
 * my cases), and for this user and the whole office the deadlines overdue, due today and due within
 * 3 working days after today — of every kind of clock, or of the one chosen. "Today" is the core's
 * (clock.today); each count opens its list, the register filtered.
 */
export function HomePage() {
  const { user, today: sessionDay } = useSession();
  const [search, setSearch] = useSearchParams();
  const kindParam = search.get('kind') ?? '';
  const kind: DeadlineKind | '' = (deadlineKinds as readonly string[]).includes(kindParam) ? (kindParam as DeadlineKind) : '';
  const clock = useApiQuery('clock.today', {});
  const today = clock.data?.today;
  const registerButton = useRef<HTMLAnchorElement>(null);
  // React's autoFocus only reaches form controls; this button is a link.
  useEffect(() => registerButton.current?.focus(), []);

  const kindCaption = kind ? deadlineKindLabel[kind] : '全部期限';
  const dueCards = (scope: 'mine' | 'office') =>
    dueFilterKeys.map((due) => (
      <CountCard
        key={`${scope}-${due}`}
        label={dueFilters[due].label}
        filters={{ due, kind, mine: scope === 'mine' }}
        caption={kindCaption}
        colour={COLOUR[due]}
        testId={`count-${scope}-${due}`}
      />
    ));
  const handles = user.role === 'investigator';
  const work = workCardsOf(user.role);

  return (
    <Stack spacing={2.5}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          今日{' '}
          <Typography component="span" color="text.secondary" data-testid="today">
            {formatDateCn(today ?? sessionDay)}
          </Typography>
        </Typography>
        <FilterSelect
          label="期限种类"
          value={kind}
          options={deadlineKinds}
          labelOf={(k) => deadlineKindLabel[k]}
          onChange={(k) => setSearch(k ? { kind: k } : {}, { replace: true })}
        />
      </Stack>
      {clock.error && <Alert severity="error">{clock.error.message}</Alert>}
      <Section title={`${user.displayName}的工作`}>
        {work.map((w) => (
          <CountCard key={w.key} label={w.label} filters={w.filters} caption={w.caption} colour={w.colour} testId={`count-mine-${w.key}`} />
        ))}
        {handles && dueCards('mine')}
      </Section>
      <Section title="全办公室">
        {dueCards('office')}
        {today && <CountCard label="今日登记" filters={{ registered: today }} caption="今天录入的投诉" colour="primary.main" testId="count-office-registered" />}
      </Section>
      <Paper variant="outlined" sx={{ p: 2, display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography>{user.displayName}，您好。来访或来电投诉，请直接登记：</Typography>
        <Button component={RouterLink} to="/register" variant="contained" size="large" ref={registerButton} startIcon={<EditNoteIcon />} sx={{ px: 4 }}>
          登记投诉
        </Button>
        <Typography variant="caption" color="text.secondary">
          快捷键：Alt+1 今日，Alt+2 登记投诉，Alt+3 案件
        </Typography>
      </Paper>
      <DraftsCard />
      <NewestCases />
    </Stack>
  );
}
