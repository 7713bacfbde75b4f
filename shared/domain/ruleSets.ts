import type { IsoDate } from './calendar';
import type { Limit } from './deadlines';

/**
 * Time limits and grounds change with the rules in force (../shared/domain.md "Laws and rules in
 * force": order 121 replaced order 20 on 2026-04-15, and a case keeps the rules of its receipt
 * date). A rule set is office data an administrator keeps; the shipped presets are in
 * resources/rules/rule-sets.json.
 */

/** The limits a rule set gives, by the clock they start. */
export const ruleLimitKinds = ['acceptance', 'mediation', 'terminationNotice', 'referralReport', 'businessReply', 'followUp'] as const;
export type RuleLimitKind = (typeof ruleLimitKinds)[number];

/** A ground as the rule numbers it: the catalog code, and its item in the article (e.g. （五）). */
export interface NumberedGround {
  code: string;
  item: string;
}

export interface RuleSet {
  code: string;
  name: string;
  /** The first receipt date the set applies to. */
  effectiveFrom: IsoDate;
  limits: Record<RuleLimitKind, Limit>;
  refusal: { article: string; grounds: NumberedGround[] };
  termination: { article: string; grounds: NumberedGround[] };
}

/** The set in force on a receipt date: the latest whose effective date is not after it. */
export function ruleSetOn<T extends { effectiveFrom: IsoDate }>(sets: readonly T[], receivedOn: IsoDate): T | undefined {
  let best: T | undefined;
  for (const s of sets) if (s.effectiveFrom <= receivedOn && (!best || s.effectiveFrom > best.effectiveFrom)) best = s;
  return best;
}
