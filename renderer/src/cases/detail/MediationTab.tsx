import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { CaseDetail } from '../../../../shared/api/schemas/cases';
import { mediationResultLabel, sessionModeLabel } from '../../../../shared/api/schemas/workflow';
import { CenteredMessage } from '../../common/CenteredMessage';
import { formatDateCn, formatDateTime } from '../../format';
import { FieldList } from './FieldList';

type Session = NonNullable<CaseDetail['mediation']>['sessions'][number];

const heldText = (s: Session) => (s.held === null ? '待记录' : s.held ? '如期进行' : '未能进行');

/** 调解: the sessions scheduled and recorded, and how mediation ended (the agreed terms, or the ground for ending it). */
export function MediationTab({ c }: { c: CaseDetail }) {
  const m = c.mediation;
  if (!m) {
    return <CenteredMessage>尚未开始调解。登记时投诉人{c.consentMediation ? '同意' : '未同意'}调解；调解须经双方同意。</CenteredMessage>;
  }
  return (
    <>
      <FieldList
        title="调解"
        items={[
          { label: '开始日期', value: formatDateCn(m.startedOn) },
          { label: '调解结果', value: m.result ? mediationResultLabel[m.result] : '调解中' },
          { label: '结束日期', value: m.endedOn ? formatDateCn(m.endedOn) : null },
          ...(m.terms ? [{ label: '调解协议内容', value: m.terms, wide: true }] : []),
          ...(m.ground ? [{ label: '终止调解的情形', value: `${m.ground.article}${m.ground.item}：${m.ground.text}`, wide: true }] : []),
        ]}
      />
      <Typography variant="subtitle2" component="h3" sx={{ color: 'primary.main', fontWeight: 600, mb: 1 }}>
        调解安排与记录
      </Typography>
      {m.sessions.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          尚未安排调解
        </Typography>
      ) : (
        <Table size="small" aria-label="调解安排与记录">
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: 140 }}>时间</TableCell>
              <TableCell sx={{ width: 90 }}>方式</TableCell>
              <TableCell>地点</TableCell>
              <TableCell>调解员</TableCell>
              <TableCell>需携带的材料</TableCell>
              <TableCell sx={{ width: 90 }}>进行情况</TableCell>
              <TableCell>调解情况</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {m.sessions.map((s) => (
              <TableRow key={s.id}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(s.at)}</TableCell>
                <TableCell>{sessionModeLabel[s.mode]}</TableCell>
                <TableCell>{s.place || '—'}</TableCell>
                <TableCell>
                  {s.mediator}
                  {s.mediatorPhone ? `（${s.mediatorPhone}）` : ''}
                </TableCell>
                <TableCell>{s.bring ?? '—'}</TableCell>
                <TableCell>{heldText(s)}</TableCell>
                <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{s.summary ?? '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
