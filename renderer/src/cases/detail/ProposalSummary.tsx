import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { CaseDetail } from '../../../../shared/api/schemas/cases';
import { formatDateTime, formatYuan } from '../../format';
import { FieldList } from './FieldList';

type Proposal = NonNullable<CaseDetail['proposal']>;

/** A refusal or an outcome waiting for the 负责人's approval, as the approver reads it. */
export function ProposalSummary({ proposal, title = '待审批的意见' }: { proposal: Proposal; title?: string }) {
  const who = `${proposal.by.displayName}，${formatDateTime(proposal.at)}`;
  if (proposal.kind === 'refusal') {
    return (
      <FieldList
        title={`${title}：不予受理`}
        items={[
          { label: '提出', value: who },
          { label: '依据', value: proposal.article, wide: true },
          {
            label: '理由',
            wide: true,
            value: (
              <Box component="span" sx={{ display: 'block' }}>
                {proposal.grounds.map((g) => (
                  <Typography key={g.code} component="span" variant="body2" sx={{ display: 'block' }}>
                    {g.item}：{g.text}
                  </Typography>
                ))}
              </Box>
            ),
          },
          { label: '具体说明', value: proposal.reason, wide: true },
        ]}
      />
    );
  }
  return (
    <FieldList
      title={`${title}：处理意见`}
      items={[
        { label: '提出', value: who },
        { label: '处理结果', value: proposal.measures.map((m) => m.name).join('、') },
        { label: '挽回经济损失', value: formatYuan(proposal.recoveredFen) },
        { label: '其中加倍赔偿', value: proposal.punitiveFen > 0 ? formatYuan(proposal.punitiveFen) : '无' },
        { label: '处理意见', value: proposal.summary, wide: true },
      ]}
    />
  );
}
