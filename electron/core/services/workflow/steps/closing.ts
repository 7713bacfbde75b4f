import { deadlineKinds } from '../../../../../shared/domain/deadlines';
import { caseWorkOf } from '../../../store/caseWork';
import type { StepTable } from './context';

/** 告知, 回访, 结案归档 and 作废 (domain.md steps 7–9). Nothing is ever deleted: a void keeps its reason. */

/** 3 or more of 5 counts as satisfied; lower asks the handler to reopen, or to close with a reason. */
const SATISFIED_FROM = 3;

export const closingSteps: StepTable<'notify' | 'followUp' | 'reopen' | 'close' | 'void'> = {
  notify: {
    apply(ctx, input) {
      // 回访 within 5 工作日 of the outcome (seed 003 [L]).
      const due = ctx.deadlines.start(ctx.c.id, 'followUp', { startOn: ctx.today, limit: ctx.rules.limits.followUp, ruleSet: ctx.rules.code }, ctx.now, ctx.calendar);
      ctx.write({ notified_at: ctx.now });
      return { how: input.how ?? null, note: input.note ?? null, followUpDueOn: due.dueOn };
    },
  },

  followUp: {
    apply(ctx, input) {
      caseWorkOf(ctx.db).addFollowUp(ctx.c.id, ctx.now, ctx.user.id, input.satisfaction, input.note);
      const visit = ctx.state.followUps + 1;
      // The follow-up clock is met by the last visit the case needs (quality cases need two, a setting).
      if (visit >= ctx.state.followUpsRequired) ctx.deadlines.end(ctx.c.id, ['followUp'], 'met', ctx.today);
      return { satisfaction: input.satisfaction, note: input.note, satisfied: input.satisfaction >= SATISFIED_FROM, visit, required: ctx.state.followUpsRequired };
    },
  },

  reopen: {
    apply(ctx, input) {
      ctx.deadlines.end(ctx.c.id, ['followUp'], 'cancelled', ctx.today);
      ctx.write({ notified_at: null });
      return { reason: input.reason };
    },
  },

  close: {
    check(ctx, input) {
      const last = caseWorkOf(ctx.db).lastSatisfaction(ctx.c.id);
      if (ctx.c.status === 'follow_up' && last !== undefined && last < SATISFIED_FROM && !input.note) {
        return { note: '最近一次回访不满意：请重新调查，或写明诉求无法满足的理由后结案' };
      }
      return {};
    },
    apply(ctx, input) {
      ctx.deadlines.end(ctx.c.id, deadlineKinds, 'cancelled', ctx.today);
      ctx.write({ closed_on: ctx.today });
      return { note: input.note ?? null };
    },
  },

  void: {
    apply(ctx, input) {
      const cancelled = ctx.deadlines.end(ctx.c.id, deadlineKinds, 'cancelled', ctx.today);
      ctx.write({ voided: { reason: input.reason, by: ctx.user.id, at: ctx.now }, paused: null });
      return { reason: input.reason, cancelled: cancelled.map((d) => d.kind) };
    },
  },
};
