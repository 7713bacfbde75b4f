import Rating from '@mui/material/Rating';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { CaseDetail } from '../../../../shared/api/schemas/cases';
import { CenteredMessage } from '../../common/CenteredMessage';
import { formatDateCn, formatDateTime, formatYuan } from '../../format';
import { FieldList } from './FieldList';
import { satisfactionLabel } from './labels';
import { ProposalSummary } from './ProposalSummary';

type Approval = { by: { displayName: string }; at: string; comment: string };
const approvalText = (a: Approval | null) => (a ? `${a.by.displayName}，${formatDateTime(a.at)}：${a.comment}` : '—');

/** 处理: what waits for approval, the decisions approved, the referral, and the follow-up visits. */
export function HandlingTab({ c }: { c: CaseDetail }) {
  const { proposal, refusal, referral, outcome, followUps } = c;
  if (!proposal && !refusal && !referral && !outcome && followUps.length === 0) return <CenteredMessage>尚无处理意见</CenteredMessage>;
  return (
    <>
      {proposal && <ProposalSummary proposal={proposal} />}
      {refusal && (
        <FieldList
          title="不予受理（已批准）"
          items={[
            { label: '依据', value: refusal.article },
            { label: '提出', value: refusal.proposedBy.displayName },
            { label: '负责人批示', value: approvalText(refusal.approval) },
            { label: '理由', value: refusal.grounds.map((g) => `${g.item}：${g.text}`).join('\n'), wide: true },
            { label: '具体说明', value: refusal.reason, wide: true },
          ]}
        />
      )}
      {referral && (
        <FieldList
          title="分流转办"
          items={[
            { label: '转办单位', value: referral.to },
            { label: '转办日期', value: formatDateCn(referral.on) },
            { label: '回复期限', value: formatDateCn(referral.reportDueOn) },
            { label: '转办理由', value: referral.reason, wide: true },
            { label: '承办单位答复', value: referral.reply ? `${referral.repliedOn ? `${formatDateCn(referral.repliedOn)}：` : ''}${referral.reply}` : '尚未答复', wide: true },
          ]}
        />
      )}
      {outcome && (
        <FieldList
          title="处理结果（已批准）"
          items={[
            { label: '处理结果', value: outcome.measures.map((m) => m.name).join('、') },
            { label: '挽回经济损失', value: formatYuan(outcome.recoveredFen) },
            { label: '其中加倍赔偿', value: outcome.punitiveFen > 0 ? formatYuan(outcome.punitiveFen) : '无' },
            { label: '是否解决', value: outcome.resolved ? '解决' : '未解决' },
            { label: '提出', value: `${outcome.proposedBy.displayName}，${formatDateTime(outcome.proposedAt)}` },
            { label: '负责人批示', value: approvalText(outcome.approval) },
            { label: '处理意见', value: outcome.summary, wide: true },
            { label: '告知投诉人', value: c.notifiedOn ? formatDateCn(c.notifiedOn) : '尚未告知' },
            { label: '结案日期', value: c.closedOn ? formatDateCn(c.closedOn) : null },
          ]}
        />
      )}
      {/* 回访 follows an outcome made known; a refused or referred case has none (the core asks 0 visits). */}
      {(c.followUpsRequired > 0 || followUps.length > 0) && (
        <Typography variant="subtitle2" component="h3" sx={{ color: 'primary.main', fontWeight: 600, mb: 1 }}>
          回访（本案须回访 {c.followUpsRequired} 次）
        </Typography>
      )}
      {c.followUpsRequired === 0 && followUps.length === 0 ? null : followUps.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          尚未回访
        </Typography>
      ) : (
        <Table size="small" aria-label="回访记录">
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: 140 }}>时间</TableCell>
              <TableCell sx={{ width: 100 }}>回访人</TableCell>
              <TableCell sx={{ width: 210 }}>满意度</TableCell>
              <TableCell>回访情况</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {followUps.map((f, i) => (
              <TableRow key={`${f.at}-${i}`}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(f.at)}</TableCell>
                <TableCell>{f.by.displayName}</TableCell>
                <TableCell>
                  <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                    <Rating value={f.satisfaction} readOnly size="small" />
                    <span>{satisfactionLabel[f.satisfaction]}</span>
                  </Stack>
                </TableCell>
                <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{f.note}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
