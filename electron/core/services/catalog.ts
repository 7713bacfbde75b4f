import type { Catalog } from '../../../shared/api/schemas/catalog';
import type { Db } from '../db/open';

type Kind = 'category' | 'nature' | 'channel' | 'refusal_ground' | 'termination_ground' | 'measure' | 'evidence_source' | 'region';
export interface ItemRow { code: string; name: string; grp: string | null }

/** The catalog is data an administrator can extend (domain.md "Categories"), read from the register. */
export function createCatalog(db: Db) {
  const list = db.prepare('SELECT code, name, grp FROM catalog_items WHERE kind = ? AND active = 1 ORDER BY sort, code');
  const one = db.prepare('SELECT code, name, grp FROM catalog_items WHERE kind = ? AND code = ? AND active = 1');
  const items = (kind: Kind) => list.all(kind) as ItemRow[];
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
  };
}
export type CatalogService = ReturnType<typeof createCatalog>;
