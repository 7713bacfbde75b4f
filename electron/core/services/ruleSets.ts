import { z } from 'zod';
import { DomainError } from '../../../shared/api/errors';
import { ruleLimitKinds, ruleSetOn, type RuleSet } from '../../../shared/domain/ruleSets';
import type { ruleSetsSave, RuleSetView } from '../../../shared/api/schemas/admin';
import type { UserView } from '../../../shared/api/schemas/common';
import type { Db } from '../db/open';
import type { Audit } from './audit';
import type { OfficeClock } from '../officeClock';

type SaveInput = z.output<typeof ruleSetsSave.input>;

const limit = z.object({ amount: z.number().int().min(1).max(365), unit: z.enum(['workingDays', 'calendarDays']) });
const grounds = z.object({ article: z.string(), grounds: z.array(z.object({ code: z.string(), item: z.string() })) });
/** What is stored per set; parsed on every read so a hand-edited row cannot slip a wrong shape into a deadline. */
const spec = z.object({
  limits: z.object(Object.fromEntries(ruleLimitKinds.map((k) => [k, limit])) as Record<(typeof ruleLimitKinds)[number], typeof limit>),
  refusal: grounds,
  termination: grounds,
});

interface Row { code: string; name: string; effective_from: string; spec: string }

type Spec = z.output<typeof spec>;

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

/**
 * Every step of the workflow reads its case's rule set, and parsing the stored spec (JSON, then the
 * schema) cost more than the rest of the read. A spec is parsed once per stored text: a changed or
 * hand-edited row is a new text, parsed (and refused if wrong) as before. The parsed spec is frozen,
 * since every reader shares it. Few texts exist (one per set and edit), so the memo stays small.
 */
const parsedSpecs = new Map<string, Spec>();
function specOf(raw: string): Spec {
  let parsed = parsedSpecs.get(raw);
  if (!parsed) {
    parsed = deepFreeze(spec.parse(JSON.parse(raw)));
    if (parsedSpecs.size >= 64) parsedSpecs.clear();
    parsedSpecs.set(raw, parsed);
  }
  return parsed;
}

const toRuleSet = (r: Row): RuleSet => ({ code: r.code, name: r.name, effectiveFrom: r.effective_from, ...specOf(r.spec) });

/** Rule sets with an effective date (../shared/domain.md "Laws and rules in force"); a case uses the one in force on its receipt date. */
export function createRuleSets(db: Db, clock: OfficeClock, audit: Audit, ruleSetUsed: (code: string) => boolean) {
  // Read from the statistics' totals per rule set, not by counting every case of the register
  // (voided cases are not counted there).
  const counts = db.prepare("SELECT key, SUM(received) AS n FROM stats_daily WHERE dim = 'ruleSet' GROUP BY key");
  const all = db.prepare('SELECT code, name, effective_from, spec FROM rule_sets ORDER BY effective_from');
  const one = db.prepare('SELECT code, name, effective_from, spec FROM rule_sets WHERE code = ?');
  const list = (): RuleSet[] => (all.all() as Row[]).map(toRuleSet);
  return {
    list,

    /** For the settings screen: every set with the number of cases received under it. */
    listWithCounts(): RuleSetView[] {
      const n = new Map((counts.all() as { key: string; n: number }[]).map((r) => [r.key, r.n]));
      return list().map((s) => ({ ...s, cases: n.get(s.code) ?? 0 }));
    },

    /**
     * Edits a set's limits (new deadlines count by them; a running deadline keeps the limit it was
     * started with), or adds a set for rules coming into force, its grounds taken from the set it follows.
     */
    save(input: SaveInput, user: UserView): { code: string } {
      return db
        .transaction(() => {
          const sets = list();
          const clash = sets.find((s) => s.effectiveFrom === input.effectiveFrom && s.code !== input.code);
          if (clash) throw new DomainError('VALIDATION', `“${clash.name}”已从该日起施行`, { effectiveFrom: `“${clash.name}”已从该日起施行，请换一个日期` });
          const at = clock.now();
          let code = input.code;
          if (code) {
            const existing = sets.find((s) => s.code === code);
            if (!existing) throw new DomainError('NOT_FOUND', `没有代码为“${code}”的规则集`);
            if (ruleSetUsed(code) && existing.effectiveFrom !== input.effectiveFrom) {
              throw new DomainError('VALIDATION', '已有案件适用该规则集，不能改变其施行日期；如规则变更，请新增规则集', { effectiveFrom: '已有案件适用该规则集，不能改变其施行日期' });
            }
            const spec = { limits: input.limits, refusal: existing.refusal, termination: existing.termination };
            db.prepare('UPDATE rule_sets SET name = ?, effective_from = ?, spec = ?, updated_at = ? WHERE code = ?').run(input.name, input.effectiveFrom, JSON.stringify(spec), at, code);
          } else {
            const before = ruleSetOn(sets, input.effectiveFrom) ?? sets[sets.length - 1];
            if (!before) throw new DomainError('CONFLICT', '没有可参照的规则集');
            code = `rules-${input.effectiveFrom}`;
            const spec = { limits: input.limits, refusal: before.refusal, termination: before.termination };
            db.prepare('INSERT INTO rule_sets (code, name, effective_from, spec, updated_at) VALUES (?, ?, ?, ?, ?)').run(code, input.name, input.effectiveFrom, JSON.stringify(spec), at);
          }
          audit.append({ at, userId: user.id, action: 'ruleSets.save', entity: 'rule_set', entityId: null, data: { code, name: input.name, effectiveFrom: input.effectiveFrom, limits: input.limits } });
          return { code };
        })
        .immediate();
    },
    get(code: string): RuleSet {
      const row = one.get(code) as Row | undefined;
      if (!row) throw new DomainError('NOT_FOUND', `没有代码为“${code}”的规则集`);
      return toRuleSet(row);
    },
    /** The set in force on a receipt date; every office has one from its first day (the earliest preset starts 2000-01-01). */
    on(receivedOn: string): RuleSet {
      const set = ruleSetOn(list(), receivedOn);
      if (!set) throw new DomainError('CONFLICT', `没有适用于 ${receivedOn} 的时限规则，请管理员在设置中补充规则集`);
      return set;
    },
  };
}
export type RuleSets = ReturnType<typeof createRuleSets>;
