import { DomainError } from '../../../shared/api/errors';
import type { Catalog } from '../../../shared/api/schemas/catalog';
import type { Db } from '../db/open';

type Kind = 'category' | 'nature' | 'channel' | 'refusal_ground' | 'termination_ground' | 'measure' | 'evidence_source' | 'region';
export interface ItemRow { code: string; name: string; grp: string | null }

/** The catalog is data an administrator can extend (domain.md "Categories"), read from the register. */
export function createCatalog(db: Db) {
  const list = db.prepare('SELECT code, name, grp FROM catalog_items WHERE kind = ? AND active = 1 ORDER BY sort, code');
  const one = db.prepare('SELECT code, name, grp FROM catalog_items WHERE kind = ? AND code = ? AND active = 1');
  const items = (kind: Kind) => list.all(kind) as ItemRow[];
  const allRegions = db.prepare("SELECT code FROM catalog_items WHERE kind = 'region'");
  const upsertRegion = db.prepare(
    "INSERT INTO catalog_items (kind, code, name, sort, active) VALUES ('region', ?, ?, ?, 1) ON CONFLICT(kind, code) DO UPDATE SET name = excluded.name, sort = excluded.sort, active = 1",
  );
  const retireRegion = db.prepare("UPDATE catalog_items SET active = 0 WHERE kind = 'region' AND code = ?");
  return {
    get(): Catalog {
      return {
        categories: items('category').map((c) => ({ code: c.code, name: c.name, group: c.grp ?? '' })),
        natures: items('nature').map(({ code, name }) => ({ code, name })),
        channels: items('channel').map(({ code, name }) => ({ code, name })),
        refusalGrounds: items('refusal_ground').map((g) => ({ code: g.code, text: g.name })),
        terminationGrounds: items('termination_ground').map((g) => ({ code: g.code, text: g.name })),
        measures: items('measure').map(({ code, name }) => ({ code, name })),
        regions: items('region').map(({ code, name }) => ({ code, name })),
      };
    },
    find(kind: Kind, code: string): ItemRow | undefined {
      return one.get(kind, code) as ItemRow | undefined;
    },
    /**
     * The region list as an administrator leaves it: renamed ones keep their code (their cases
     * follow), new ones get the next code, and those left out are retired, never deleted, so the
     * cases and statistics that name them keep their name. Call inside a transaction.
     */
    saveRegions(regions: { code?: string; name: string }[]): { code: string; name: string }[] {
      const fields: Record<string, string> = {};
      const seen = new Map<string, number>();
      regions.forEach((r, i) => {
        const other = seen.get(r.name);
        if (other !== undefined) fields[`regions.${i}.name`] = `地区“${r.name}”与第${other + 1}项重复`;
        seen.set(r.name, i);
        if (r.code && !allRegions.all().some((x) => (x as { code: string }).code === r.code)) fields[`regions.${i}.code`] = '地区代码不存在';
      });
      const first = Object.values(fields)[0];
      if (first) throw new DomainError('VALIDATION', `输入有误：${first}`, fields);
      const existing = allRegions.all() as { code: string }[];
      let next = existing.reduce((n, r) => Math.max(n, Number(/^R(\d+)$/.exec(r.code)?.[1] ?? 0)), 0);
      const kept = new Set<string>();
      const saved = regions.map((r, i) => {
        const code = r.code ?? `R${String(++next).padStart(3, '0')}`;
        kept.add(code);
        upsertRegion.run(code, r.name, i + 1);
        return { code, name: r.name };
      });
      for (const r of existing) if (!kept.has(r.code)) retireRegion.run(r.code);
      return saved;
    },
  };
}
export type CatalogService = ReturnType<typeof createCatalog>;
