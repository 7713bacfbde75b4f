import CallMergeIcon from '@mui/icons-material/CallMerge';
import EditIcon from '@mui/icons-material/Edit';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { DataGrid } from '@mui/x-data-grid';
import { useMemo, useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router-dom';
import type { OutputOf } from '../../../shared/api/contract';
import { useApiQuery } from '../api/useApiQuery';
import { caseColumnsFor } from '../cases/caseColumns';
import { countText } from '../cases/listFormat';
import { CenteredMessage } from '../common/CenteredMessage';
import { formatDateCn, formatDateTime } from '../format';
import { useSession } from '../session/SessionContext';
import { dataGridZhCN } from '../theme';
import { EditRespondentDialog } from './EditRespondentDialog';
import { MergeRespondentDialog } from './MergeRespondentDialog';

export type RespondentDetail = OutputOf<'respondents.get'>;

const CASES_PAGE = 20;
const localeText = { ...dataGridZhCN.components.MuiDataGrid.defaultProps.localeText, noRowsLabel: '没有案件' };
const NOT_FOUND = '没有这个被投诉方：编号不对，或已不在登记簿中';

/** One business: its details (supervisors and administrators edit them), its counts and its cases; an administrator merges it into another row. */
export function RespondentPage() {
  const { id } = useParams();
  const respondentId = Number(id);
  if (!Number.isInteger(respondentId) || respondentId <= 0) return <CenteredMessage>{NOT_FOUND}</CenteredMessage>;
  return <RespondentView key={respondentId} id={respondentId} />;
}

function RespondentView({ id }: { id: number }) {
  const { user } = useSession();
  const navigate = useNavigate();
  const query = useApiQuery('respondents.get', { id });
  const [page, setPage] = useState(1);
  const cases = useApiQuery('cases.search', { respondentId: id, page, pageSize: CASES_PAGE, sort: 'receivedAt:desc' });
  const [dialog, setDialog] = useState<'edit' | 'merge' | null>(null);
  const columns = useMemo(() => caseColumnsFor([]), []);
  const r = query.data;
  if (!r) return query.error ? <CenteredMessage>{query.error.code === 'NOT_FOUND' ? NOT_FOUND : query.error.message}</CenteredMessage> : <CenteredMessage loading />;

  const canEdit = !r.mergedInto && (user.role === 'admin' || user.role === 'supervisor');
  const canMerge = !r.mergedInto && user.role === 'admin';
  const field = (label: string, value: string | null) => (
    <Box>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography>{value || <Box component="span" sx={{ color: 'text.secondary' }}>未填写</Box>}</Typography>
    </Box>
  );
  const figure = (label: string, value: number | string, testId: string) => (
    <Box sx={{ minWidth: 96 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography variant="h6" component="div" data-testid={testId}>
        {value}
      </Typography>
    </Box>
  );
  const rows = cases.data?.rows ?? [];
  return (
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Link component={RouterLink} to="/respondents" underline="hover">
          被投诉方
        </Link>
        <Typography color="text.secondary">/</Typography>
        <Typography variant="h5" component="h1" data-testid="respondent-name">
          {r.name}
        </Typography>
        <Box sx={{ flexGrow: 1 }} />
        {canEdit && (
          <Button variant="outlined" startIcon={<EditIcon />} onClick={() => setDialog('edit')}>
            修改信息
          </Button>
        )}
        {canMerge && (
          <Button variant="outlined" color="warning" startIcon={<CallMergeIcon />} onClick={() => setDialog('merge')}>
            合并到…
          </Button>
        )}
      </Stack>
      {r.mergedInto && (
        <Alert severity="info">
          本记录已于 {r.mergedAt ? formatDateTime(r.mergedAt) : ''} 合并到{' '}
          <Link component={RouterLink} to={`/respondents/${r.mergedInto.id}`}>
            {r.mergedInto.name}
          </Link>
          ，原有案件都已移到该记录下；此后登记时输入本记录的名称或信用代码，也会关联到合并后的记录。
        </Alert>
      )}
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {field('统一社会信用代码', r.creditCode)}
          {field('地址', r.address)}
          {field('联系人', r.contactPerson)}
          {field('联系电话', r.phone)}
          {field('首次登记', formatDateCn(r.createdAt.slice(0, 10)))}
        </Stack>
        <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap', mt: 2 }}>
          {figure('投诉件数', r.cases, 'respondent-cases')}
          {figure('办理中', r.openCases, 'respondent-open')}
          {figure('重复投诉', r.repeats, 'respondent-repeats')}
          {figure('最近投诉', r.lastReceivedOn ? formatDateCn(r.lastReceivedOn) : '—', 'respondent-last')}
        </Stack>
        {r.merged.length > 0 && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1.5 }} data-testid="merged-rows">
            已并入本记录：{r.merged.map((m) => `${m.name}${m.creditCode ? `（${m.creditCode}）` : ''}`).join('、')}
          </Typography>
        )}
      </Paper>
      <Typography variant="h6" component="h2">
        案件{cases.data ? `（共 ${countText(cases.data.total, cases.data.more)} 件，不含已作废）` : ''}
      </Typography>
      <Paper variant="outlined">
        <DataGrid
          label="该被投诉方的案件"
          rows={rows}
          columns={columns}
          loading={cases.loading}
          density="compact"
          getRowHeight={() => 'auto'}
          getEstimatedRowHeight={() => 48}
          hideFooter
          autoHeight
          disableVirtualization
          disableColumnSorting
          paginationModel={{ page: 0, pageSize: 100 }}
          onRowClick={(p) => void navigate(`/cases/${p.id}`)}
          onCellKeyDown={(p, e) => {
            if (e.key === 'Enter') {
              e.defaultMuiPrevented = true;
              void navigate(`/cases/${p.id}`);
            }
          }}
          disableColumnFilter
          disableRowSelectionOnClick
          localeText={localeText}
          sx={{
            border: 0,
            '& .MuiDataGrid-row': { cursor: 'pointer' },
            '& .MuiDataGrid-cell': { py: '6px', lineHeight: 1.45, whiteSpace: 'normal', wordBreak: 'break-word', display: 'flex', alignItems: 'center' },
            '& .MuiDataGrid-columnHeaderTitle': { fontWeight: 600 },
          }}
        />
        <Stack direction="row" spacing={1} component="nav" aria-label="案件翻页" sx={{ justifyContent: 'flex-end', alignItems: 'center', px: 1.5, py: 0.75, borderTop: 1, borderColor: 'divider' }}>
          <Typography variant="body2" color="text.secondary">
            第 {page} 页
          </Typography>
          <Button size="small" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            上一页
          </Button>
          <Button size="small" disabled={!cases.data?.next} onClick={() => setPage(page + 1)}>
            下一页
          </Button>
        </Stack>
      </Paper>
      {dialog === 'edit' && (
        <EditRespondentDialog
          r={r}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            query.reload();
            cases.reload();
          }}
        />
      )}
      {dialog === 'merge' && <MergeRespondentDialog from={r} onClose={() => setDialog(null)} onDone={(into) => void navigate(`/respondents/${into}`)} />}
    </Stack>
  );
}
