import type { CaseDetail } from '../../../../../shared/api/schemas/cases';
import { limitText } from '../../../../../shared/domain/deadlines';
import type { RuleLimitKind } from '../../../../../shared/domain/ruleSets';
import { useApiQuery } from '../../../api/useApiQuery';

export interface NumberedGround {
  code: string;
  text: string;
  /** Its item in the article, e.g. 第（四）项. */
  item: string;
}

export interface CaseRules {
  name: string;
  refusalArticle: string;
  refusalGrounds: NumberedGround[];
  terminationArticle: string;
  terminationGrounds: NumberedGround[];
  measures: { code: string; name: string }[];
  /** Each limit in words, e.g. "15 个工作日". */
  limits: Record<RuleLimitKind, string>;
}

/**
 * The grounds of the rule set the case is under (the one in force on its receipt date, as the core
 * chose it), worded from the catalog, and the outcome measures: what a refusal, an end of mediation
 * or a proposal may name. Null while loading.
 */
export function useCaseRules(c: CaseDetail): { rules: CaseRules | null; error: string | null } {
  const catalog = useApiQuery('catalog.get', {});
  const sets = useApiQuery('ruleSets.list', {});
  const error = catalog.error?.message ?? sets.error?.message ?? null;
  const set = sets.data?.ruleSets.find((s) => s.code === c.ruleSet.code);
  if (!catalog.data || !set) return { rules: null, error: error ?? (sets.data ? `未找到案件适用的规则集“${c.ruleSet.name}”` : null) };
  const worded = (grounds: { code: string; item: string }[], texts: { code: string; text: string }[]) =>
    grounds.flatMap((g) => {
      const text = texts.find((t) => t.code === g.code)?.text;
      return text ? [{ code: g.code, item: g.item, text }] : [];
    });
  return {
    error,
    rules: {
      name: set.name,
      refusalArticle: set.refusal.article,
      refusalGrounds: worded(set.refusal.grounds, catalog.data.refusalGrounds),
      terminationArticle: set.termination.article,
      terminationGrounds: worded(set.termination.grounds, catalog.data.terminationGrounds),
      measures: catalog.data.measures,
      limits: Object.fromEntries(Object.entries(set.limits).map(([k, l]) => [k, limitText(l)])) as Record<RuleLimitKind, string>,
    },
  };
}
