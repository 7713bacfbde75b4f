import type { StepContext, StepTable } from './context';
import { notBeforeToday } from './context';

/**
 * 初审 and its outcomes (domain.md steps 2–3): 受理, 不予受理 (a proposal until approved), 限期补正
 * with the acceptance clock waiting, and 分流/转办 with its report-back date.
 */

/** Grounds the rules of the case's receipt date number; a code outside them is refused under its field. */
function checkGrounds(ctx: StepContext, grounds: string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  const numbered = new Set(ctx.rules.refusal.grounds.map((g) => g.code));
  grounds.forEach((g, i) => {
    if (!numbered.has(g) || !ctx.catalog.find('refusal_ground', g)) fields[`grounds.${i}`] = `理由“${g}”不在${ctx.rules.name}的不予受理情形中`;
  });
  if (new Set(grounds).size !== grounds.length) fields.grounds = '理由重复';
  return fields;
}

export const acceptanceSteps: StepTable<'accept' | 'refuse' | 'requestMaterials' | 'materialsReceived' | 'refer' | 'recordReferralReply'> = {
  accept: {
    apply(ctx, input) {
      const acceptance = ctx.deadlines.end(ctx.c.id, ['acceptance'], 'met', ctx.today);
      ctx.deadlines.end(ctx.c.id, ['materials'], 'met', ctx.today);
      // The mediation limit counts from acceptance (order 121 第23条; order 20 第21条 — domain.md "Time limits").
      const mediation = ctx.deadlines.start(ctx.c.id, 'mediation', { startOn: ctx.today, limit: ctx.rules.limits.mediation, ruleSet: ctx.rules.code }, ctx.now, ctx.calendar);
      ctx.write({ accepted_on: ctx.today, materials: null });
      return { note: input.note ?? null, acceptanceLate: acceptance.some((a) => a.late), mediationDueOn: mediation.dueOn };
    },
  },

  refuse: {
    check: (ctx, input) => checkGrounds(ctx, input.grounds),
    apply(ctx, input) {
      ctx.write({ proposal: { kind: 'refusal', by: ctx.user.id, at: ctx.now, grounds: input.grounds, reason: input.reason } });
      return { grounds: input.grounds, reason: input.reason };
    },
  },

  requestMaterials: {
    check(ctx, input) {
      const fields: Record<string, string> = {};
      notBeforeToday(fields, 'dueOn', input.dueOn, ctx.today, '补正期限');
      return fields;
    },
    apply(ctx, input) {
      // 限期补正: the acceptance clock waits for the materials (domain.md step 2).
      const paused = ctx.deadlines.pause(ctx.c.id, ['acceptance'], ctx.today);
      ctx.deadlines.start(ctx.c.id, 'materials', { startOn: ctx.today, dueOn: input.dueOn }, ctx.now, ctx.calendar);
      ctx.write({ materials: { items: input.items, dueOn: input.dueOn, requestedOn: ctx.today } });
      return { items: input.items, dueOn: input.dueOn, acceptancePaused: paused.length > 0 };
    },
  },

  materialsReceived: {
    apply(ctx, input) {
      ctx.deadlines.end(ctx.c.id, ['materials'], 'met', ctx.today);
      const resumed = ctx.deadlines.resume(ctx.c.id, ['acceptance'], ctx.today, ctx.calendar);
      ctx.write({ materials: null });
      return { note: input.note ?? null, acceptanceDue: resumed[0] ? { before: resumed[0].before, after: resumed[0].after } : null };
    },
  },

  refer: {
    check(ctx, input) {
      const fields: Record<string, string> = {};
      notBeforeToday(fields, 'reportDueOn', input.reportDueOn, ctx.today, '回复期限');
      return fields;
    },
    apply(ctx, input) {
      // Referring decides where the complaint goes: the acceptance question and any handling clock end here.
      ctx.deadlines.end(ctx.c.id, ['acceptance'], 'met', ctx.today);
      ctx.deadlines.end(ctx.c.id, ['materials', 'mediation', 'businessReply'], 'cancelled', ctx.today);
      // The receiving office reports back within 15 工作日 by default (seed 003 [L]).
      const report = input.reportDueOn
        ? ctx.deadlines.start(ctx.c.id, 'referralReport', { startOn: ctx.today, dueOn: input.reportDueOn }, ctx.now, ctx.calendar)
        : ctx.deadlines.start(ctx.c.id, 'referralReport', { startOn: ctx.today, limit: ctx.rules.limits.referralReport, ruleSet: ctx.rules.code }, ctx.now, ctx.calendar);
      ctx.write({ referral: { to: input.to, reason: input.reason, on: ctx.today, reportDueOn: report.dueOn, reply: null, repliedOn: null }, materials: null });
      return { to: input.to, reason: input.reason, reportDueOn: report.dueOn };
    },
  },

  recordReferralReply: {
    apply(ctx, input) {
      ctx.deadlines.end(ctx.c.id, ['referralReport'], 'met', ctx.today);
      ctx.write({ referral: { ...ctx.c.referral!, reply: input.summary, repliedOn: ctx.today } });
      return { summary: input.summary };
    },
  },
};
