import type { StepTable } from './context';

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
      return input.at.slice(0, 10) < ctx.today ? { at: '调解时间不能早于今天' } : {};
    },
    apply(ctx, input) {
      const id = Number(
        ctx.db
          .prepare(
            `INSERT INTO mediation_sessions (case_id, at, place, mode, mediator, mediator_phone, bring, scheduled_by, scheduled_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(ctx.c.id, input.at, input.place, input.mode, input.mediator, input.mediatorPhone ?? null, input.bring ?? null, ctx.user.id, ctx.now).lastInsertRowid,
      );
      return { sessionId: id, at: input.at, place: input.place, mode: input.mode, mediator: input.mediator };
    },
  },

  recordSession: {
    check(ctx, input) {
      const open = ctx.db.prepare('SELECT 1 FROM mediation_sessions WHERE id = ? AND case_id = ? AND held IS NULL').get(input.sessionId, ctx.c.id);
      return open ? {} : { sessionId: '请选择本案一次尚未记录的调解安排' };
    },
    apply(ctx, input) {
      ctx.db
        .prepare('UPDATE mediation_sessions SET held = ?, summary = ?, recorded_by = ?, recorded_at = ? WHERE id = ?')
        .run(input.held ? 1 : 0, input.summary, ctx.user.id, ctx.now, input.sessionId);
      return { sessionId: input.sessionId, held: input.held, summary: input.summary };
    },
  },

  endMediation: {
    check(ctx, input) {
      const fields: Record<string, string> = {};
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
      ctx.deadlines.end(ctx.c.id, ['mediation'], 'met', ctx.today);
      let noticeDueOn: string | null = null;
      if (input.result === 'terminated') {
        // 终止调解告知: 7 工作日 from the decision (order 20 第21条 [S]).
        noticeDueOn = ctx.deadlines.start(ctx.c.id, 'terminationNotice', { startOn: ctx.today, limit: ctx.rules.limits.terminationNotice, ruleSet: ctx.rules.code }, ctx.now, ctx.calendar).dueOn;
      }
      ctx.write({
        mediation: { ...ctx.c.mediation!, result: input.result, terms: input.terms ?? null, ground: input.ground ?? null, endedOn: ctx.today },
      });
      return { result: input.result, terms: input.terms ?? null, ground: input.ground ?? null, noticeDueOn };
    },
  },
};
