import type { StoredOutcome } from '../caseState';
import type { StepTable } from './context';

/**
 * 处理意见 and 主管领导批示 (domain.md step 6): the handler proposes, a supervisor approves or sends
 * back; a refusal proposed at the counter goes the same way. Nobody approves their own proposal
 * (checked by the workflow table before any of this runs).
 */

/** 解决: an agreement, or a measure in the consumer's favour (domain.md "Outcome measures"). */
const resolves = (measures: string[], agreement: boolean) => agreement || measures.some((m) => m !== 'unsupported');

export const decisionSteps: StepTable<'proposeOutcome' | 'approve' | 'sendBack'> = {
  proposeOutcome: {
    check(ctx, input) {
      const fields: Record<string, string> = {};
      input.measures.forEach((m, i) => {
        if (!ctx.catalog.find('measure', m)) fields[`measures.${i}`] = `处理结果“${m}”不在目录中`;
      });
      if (new Set(input.measures).size !== input.measures.length) fields.measures = '处理结果重复';
      if (input.measures.includes('unsupported') && input.measures.length > 1) fields.measures = '“诉求不成立”不能与其他处理结果同选';
      if ((input.punitiveFen ?? 0) > input.recoveredFen) fields.punitiveFen = '加倍赔偿部分不能大于挽回经济损失总额';
      return fields;
    },
    apply(ctx, input) {
      // The handling is done once its outcome is proposed: the mediation (handling) clock is met here,
      // and a reply the business never gave no longer holds the case up.
      ctx.deadlines.end(ctx.c.id, ['mediation'], 'met', ctx.today);
      const replyDropped = ctx.deadlines.end(ctx.c.id, ['businessReply'], 'cancelled', ctx.today);
      const proposal = {
        kind: 'outcome' as const,
        by: ctx.user.id,
        at: ctx.now,
        measures: input.measures,
        recoveredFen: input.recoveredFen,
        punitiveFen: input.punitiveFen ?? 0,
        summary: input.summary,
      };
      ctx.write({ proposal });
      return {
        measures: proposal.measures,
        recoveredFen: proposal.recoveredFen,
        punitiveFen: proposal.punitiveFen,
        summary: proposal.summary,
        ...(replyDropped.length ? { cancelled: ['businessReply'] } : {}),
      };
    },
  },

  approve: {
    apply(ctx, input) {
      const p = ctx.c.proposal!;
      const approval = { by: ctx.user.id, at: ctx.now, comment: input.comment };
      if (p.kind === 'refusal') {
        // The acceptance decision is made when the refusal is approved.
        ctx.deadlines.end(ctx.c.id, ['acceptance'], 'met', ctx.today);
        ctx.deadlines.end(ctx.c.id, ['materials'], 'cancelled', ctx.today);
        ctx.write({ refusal: { grounds: p.grounds, reason: p.reason, proposedBy: p.by, proposedAt: p.at, approval }, proposal: null, materials: null });
      } else {
        const outcome: StoredOutcome = {
          measures: p.measures,
          recoveredFen: p.recoveredFen,
          punitiveFen: p.punitiveFen,
          summary: p.summary,
          resolved: resolves(p.measures, ctx.c.mediation?.result === 'agreement'),
          proposedBy: p.by,
          proposedAt: p.at,
          approval,
        };
        ctx.write({ outcome, recovered_fen: outcome.recoveredFen, punitive_fen: outcome.punitiveFen, resolved: outcome.resolved, proposal: null });
      }
      return { kind: p.kind, comment: input.comment, proposedBy: p.by };
    },
  },

  sendBack: {
    apply(ctx, input) {
      const p = ctx.c.proposal!;
      ctx.write({ proposal: null });
      return { kind: p.kind, comment: input.comment, proposedBy: p.by };
    },
  },
};
