import { cnDate } from '../../../../../shared/notices/format';
import { caseWorkOf } from '../../../store/caseWork';
import type { StepContext, StepTable } from './context';


/** An office time as the messages say it: "2026年11月25日 14:00" (stored times carry the office's offset). */
const formatOfficeTime = (iso: string) => `${cnDate(iso)} ${iso.slice(11, 16)}`;

/** A session's time against now: a minute's grace, as the picker gives whole minutes. */
const isBeforeNow = (ctx: StepContext, at: string) => Date.parse(at) < Date.parse(ctx.now) - 60_000;
const isAfterNow = (ctx: StepContext, at: string) => Date.parse(at) > Date.parse(ctx.now);

const unrecordedSessions = (ctx: StepContext) => caseWorkOf(ctx.db).openSessions(ctx.c.id);

/**
 * 调解 (domain.md step 5): only with both parties' consent; sessions notified in advance (time,
 * place, mediator); ends in agreed terms or 终止调解 on a ground of the rules in force.
 */
export const mediationSteps: StepTable<'startMediation' | 'scheduleSession' | 'recordSession' | 'endMediation'> = {
  startMediation: {
    apply(ctx) {
      ctx.write({ mediation: { startedOn: ctx.today, result: null, terms: null, ground: null, endedOn: null } });
      return { complainantConsentedAtRegistration: ctx.c.consentMediation };
    },
  },

  scheduleSession: {
    check(ctx, input) {
      const fields: Record<string, string> = {};
      // A session is notified in advance (domain.md step 5): never scheduled for a time already past.
      if (isBeforeNow(ctx, input.at)) fields.at = `调解时间 ${formatOfficeTime(ctx.iso(new Date(input.at)))} 已过，请安排在现在之后的时间`;
      // On site needs a place; by phone or video the place is nobody's to travel to.
      if (input.mode === 'onsite' && !input.place) fields.place = '现场调解请填写调解地点';
      return fields;
    },
    apply(ctx, input) {
      // Stored with the office's offset, as every time of the register is, whatever offset it came with.
      const at = ctx.iso(new Date(input.at));
      const id = caseWorkOf(ctx.db).addSession({
        caseId: ctx.c.id,
        at,
        place: input.place ?? '',
        mode: input.mode,
        mediator: input.mediator,
        mediatorPhone: input.mediatorPhone ?? null,
        bring: input.bring ?? null,
        by: ctx.user.id,
        now: ctx.now,
      });
      return { sessionId: id, at, place: input.place ?? '', mode: input.mode, mediator: input.mediator };
    },
  },

  recordSession: {
    check(ctx, input) {
      const open = unrecordedSessions(ctx).find((s) => s.id === input.sessionId);
      if (!open) return { sessionId: '请选择本案一次尚未记录的调解安排' };
      // Held is what happened, so not before it was due; one called off in advance may be recorded as not held.
      if (input.held && isAfterNow(ctx, open.at)) return { held: `这次调解安排在 ${formatOfficeTime(open.at)}，尚未到时间，不能记录为如期进行` };
      return {};
    },
    apply(ctx, input) {
      caseWorkOf(ctx.db).recordSession(input.sessionId, input.held, input.summary, ctx.user.id, ctx.now);
      // Both parties sat at a session: the business has given its answer (its reply clock is met).
      const replyMet = input.held ? ctx.deadlines.end(ctx.c.id, ['businessReply'], 'met', ctx.today) : [];
      return { sessionId: input.sessionId, held: input.held, summary: input.summary, ...(replyMet.length ? { businessReplyMet: true } : {}) };
    },
  },

  endMediation: {
    check(ctx, input) {
      const fields: Record<string, string> = {};
      // Sessions still scheduled are not dropped silently: the handler says so, and they are recorded as not held.
      const pending = unrecordedSessions(ctx);
      if (pending.length && !input.cancelSessions) {
        const when = pending.map((p) => formatOfficeTime(p.at)).join('、');
        fields.cancelSessions = `还有 ${pending.length} 次调解安排（${when}）尚未记录；请先记录，或确认取消后再结束调解`;
      }
      if (input.result === 'agreement') {
        if (!input.terms) fields.terms = '达成协议的，请填写调解协议内容';
        if (input.ground) fields.ground = '达成协议的无需选择终止理由';
      } else {
        const numbered = new Set(ctx.rules.termination.grounds.map((g) => g.code));
        if (!input.ground) fields.ground = '终止调解的，请选择终止理由';
        else if (!numbered.has(input.ground) || !ctx.catalog.find('termination_ground', input.ground)) {
          fields.ground = `该理由不在${ctx.rules.name}的终止调解情形中`;
        }
      }
      return fields;
    },
    apply(ctx, input) {
      const cancelled = unrecordedSessions(ctx).map((p) => p.id);
      for (const id of cancelled) caseWorkOf(ctx.db).recordSession(id, false, '结束调解，此次安排取消', ctx.user.id, ctx.now);
      ctx.deadlines.end(ctx.c.id, ['mediation'], 'met', ctx.today);
      // An agreement is the business's answer too.
      if (input.result === 'agreement') ctx.deadlines.end(ctx.c.id, ['businessReply'], 'met', ctx.today);
      let noticeDueOn: string | null = null;
      if (input.result === 'terminated') {
        // 终止调解告知: 7 工作日 from the decision (order 20 第21条 [S]).
        noticeDueOn = ctx.deadlines.start(ctx.c.id, 'terminationNotice', { startOn: ctx.today, limit: ctx.rules.limits.terminationNotice, ruleSet: ctx.rules.code }, ctx.now, ctx.calendar).dueOn;
      }
      ctx.write({
        mediation: { ...ctx.c.mediation!, result: input.result, terms: input.terms ?? null, ground: input.ground ?? null, endedOn: ctx.today },
      });
      return { result: input.result, terms: input.terms ?? null, ground: input.ground ?? null, noticeDueOn, ...(cancelled.length ? { cancelledSessions: cancelled } : {}) };
    },
  },
};
