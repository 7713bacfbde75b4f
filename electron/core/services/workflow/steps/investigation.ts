import type { Statement } from 'better-sqlite3';
import type { Db } from '../../../db/open';
import { markItemsMetBy } from '../../checklist/caseChecklist';
import type { StepContext, StepTable } from './context';
import { notBeforeToday } from './context';

/** 调查 (domain.md step 4): the handler, contacts with the parties, and the clock stopped for appraisal or recusal. */

/** Clocks a pause stops: the handling limit; testing, appraisal and recusal do not count (order 20 第19、20条). */
const PAUSABLE = ['mediation'] as const;

/** Read twice on every 指派 (its check, then its event): prepared once per connection, not per call. */
const investigatorQuery = new WeakMap<Db, Statement>();

function activeInvestigator(db: Db, userId: number): { id: number; display_name: string } | undefined {
  let query = investigatorQuery.get(db);
  if (!query) investigatorQuery.set(db, (query = db.prepare("SELECT id, display_name FROM users WHERE id = ? AND role = 'investigator' AND disabled_at IS NULL")));
  return query.get(userId) as { id: number; display_name: string } | undefined;
}

const NO_REPLY_AWAITED = '本案没有等待中的经营者答复：尚未将投诉转交经营者，或答复已记录';

/**
 * The business answered a complaint passed to it: its reply clock is met, and the checklist item
 * that waits for the same answer (经营者答复) is marked done where it was still to do.
 */
function replyReceived(ctx: StepContext, summary: string) {
  const met = ctx.deadlines.end(ctx.c.id, ['businessReply'], 'met', ctx.today);
  const checklist = markItemsMetBy(ctx.db, ctx.c.id, 'businessReply', ctx.user.id, ctx.now, summary.length > 200 ? `${summary.slice(0, 199)}…` : summary);
  return { replyLate: met.some((m) => m.late), checklistDone: checklist.map((i) => i.text) };
}

export const investigationSteps: StepTable<'assign' | 'startInvestigation' | 'recordContact' | 'recordBusinessReply' | 'pause' | 'resume'> = {
  assign: {
    check(ctx, input) {
      if (!activeInvestigator(ctx.db, input.userId)) return { userId: '请选择一位在职的调查员' };
      if (ctx.c.handlerId === input.userId) return { userId: '该调查员已是本案承办人' };
      return {};
    },
    apply(ctx, input) {
      const before = ctx.c.handlerId;
      ctx.write({ handler_id: input.userId });
      return { handlerBefore: before, handlerAfter: input.userId, handlerName: activeInvestigator(ctx.db, input.userId)!.display_name };
    },
  },

  startInvestigation: { apply: () => ({}) },

  recordContact: {
    check(ctx, input) {
      const fields: Record<string, string> = {};
      notBeforeToday(fields, 'replyDueOn', input.replyDueOn, ctx.today, '答复期限');
      if (input.with !== 'respondent') {
        if (input.transfer) fields.transfer = '只有联系被投诉方时才能转交经营者答复';
        if (input.isReply) fields.isReply = '经营者答复只能记在联系被投诉方之下';
      }
      if (input.replyDueOn && !input.transfer) fields.replyDueOn = '只有转交经营者答复时才需填写答复期限';
      if (input.transfer && input.isReply) fields.isReply = '转交与答复请分两次记录';
      if (input.isReply && !ctx.deadlines.isOpen(ctx.c.id, 'businessReply')) fields.isReply = NO_REPLY_AWAITED;
      return fields;
    },
    apply(ctx, input) {
      let replyDueOn: string | null = null;
      if (input.transfer) {
        // A transfer to the business carries its reply limit, 3 工作日 by default (seed 003 [L]).
        ctx.deadlines.end(ctx.c.id, ['businessReply'], 'cancelled', ctx.today);
        replyDueOn = (
          input.replyDueOn
            ? ctx.deadlines.start(ctx.c.id, 'businessReply', { startOn: ctx.today, dueOn: input.replyDueOn }, ctx.now, ctx.calendar)
            : ctx.deadlines.start(ctx.c.id, 'businessReply', { startOn: ctx.today, limit: ctx.rules.limits.businessReply, ruleSet: ctx.rules.code }, ctx.now, ctx.calendar)
        ).dueOn;
      }
      const reply = input.isReply ? replyReceived(ctx, input.summary) : {};
      return { with: input.with, how: input.how, summary: input.summary, transfer: input.transfer ?? false, replyDueOn, isReply: input.isReply ?? false, ...reply };
    },
  },

  // Who may, and whether a reply is awaited at all (a case never passed to the business: 409 in
  // Chinese, nothing stored), is the workflow table's; this records it.
  recordBusinessReply: {
    apply(ctx, input) {
      return { with: 'respondent', how: input.how, summary: input.summary, ...replyReceived(ctx, input.summary) };
    },
  },

  pause: {
    apply(ctx, input) {
      const stopped = ctx.deadlines.pause(ctx.c.id, PAUSABLE, ctx.today);
      ctx.write({ paused: { reason: input.reason, note: input.note, since: ctx.today } });
      return { reason: input.reason, note: input.note, stopped: stopped.map((s) => s.kind) };
    },
  },

  resume: {
    apply(ctx, input) {
      const moved = ctx.deadlines.resume(ctx.c.id, PAUSABLE, ctx.today, ctx.calendar);
      const since = ctx.c.paused!.since;
      ctx.write({ paused: null });
      return { note: input.note ?? null, pausedSince: since, moved };
    },
  },
};
