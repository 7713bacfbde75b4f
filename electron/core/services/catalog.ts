import { DomainError } from '../../../shared/api/errors';
import type { Catalog, ListItem } from '../../../shared/api/schemas/catalog';
import { editableLists, listLabel, statisticsGroups, type EditableKind, type StatisticsGroup } from '../../../shared/domain/catalogLists';
import type { Db } from '../db/open';

type Kind = 'category' | 'nature' | 'channel' | 'refusal_ground' | 'termination_ground' | 'measure' | 'evidence_source' | 'region';
export interface ItemRow { code: string; name: string; grp: string | null }
interface FullRow extends ItemRow { words: string; active: number }

/** The catalog is data an administrator can extend (domain.md "Categories"), read from the register. */
export function createCatalog(db: Db) {
  const list = db.prepare('SELECT code, name, grp FROM catalog_items WHERE kind = ? AND active = 1 ORDER BY sort, code');
  const one = db.prepare('SELECT code, name, grp FROM catalog_items WHERE kind = ? AND code = ? AND active = 1');
  const retiredItems = db.prepare("SELECT kind, code, name FROM catalog_items WHERE active = 0 AND kind IN ('category', 'nature', 'channel', 'measure') ORDER BY kind, sort, code");
  const anyOne = db.prepare('SELECT name FROM catalog_items WHERE kind = ? AND code = ?').pluck();
  const items = (kind: Kind) => list.all(kind) as ItemRow[];
  const categoryWords = db.prepare("SELECT code, words FROM catalog_items WHERE kind = 'category'");
  const everything = db.prepare('SELECT code, name, grp, words, active FROM catalog_items WHERE kind = ? ORDER BY active DESC, sort, code');
  const upsertItem = db.prepare(
    'INSERT INTO catalog_items (kind, code, name, grp, words, sort, active) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(kind, code) DO UPDATE SET name = excluded.name, grp = excluded.grp, words = excluded.words, sort = excluded.sort, active = excluded.active',
  );
  const retireItem = db.prepare('UPDATE catalog_items SET active = 0, sort = ? WHERE kind = ? AND code = ?');
  const itemOf = (kind: EditableKind, r: FullRow): ListItem => ({
    code: r.code,
    name: r.name,
    ...(kind === 'category' ? { group: (r.grp ?? '其他') as StatisticsGroup, words: JSON.parse(r.words) as string[] } : {}),
    active: r.active === 1,
  });
  const listOf = (kind: EditableKind) => (everything.all(kind) as FullRow[]).map((r) => itemOf(kind, r));
  const allRegions = db.prepare("SELECT code FROM catalog_items WHERE kind = 'region'");
  const upsertRegion = db.prepare(
    "INSERT INTO catalog_items (kind, code, name, sort, active) VALUES ('region', ?, ?, ?, 1) ON CONFLICT(kind, code) DO UPDATE SET name = excluded.name, sort = excluded.sort, active = 1",
  );
  const retireRegion = db.prepare("UPDATE catalog_items SET active = 0 WHERE kind = 'region' AND code = ?");
  return {
    get(): Catalog {
      const words = new Map((categoryWords.all() as { code: string; words: string }[]).map((r) => [r.code, JSON.parse(r.words) as string[]]));
      return {
        categories: items('category').map((c) => ({ code: c.code, name: c.name, group: c.grp ?? '', words: words.get(c.code) ?? [] })),
        natures: items('nature').map(({ code, name }) => ({ code, name })),
        channels: items('channel').map(({ code, name }) => ({ code, name })),
        refusalGrounds: items('refusal_ground').map((g) => ({ code: g.code, text: g.name })),
        terminationGrounds: items('termination_ground').map((g) => ({ code: g.code, text: g.name })),
        measures: items('measure').map(({ code, name }) => ({ code, name })),
        regions: items('region').map(({ code, name }) => ({ code, name })),
        retired: retiredItems.all() as Catalog['retired'],
      };
    },
    /** Every item of the lists an administrator edits, retired ones too (after the active ones). */
    lists(): Record<EditableKind, ListItem[]> {
      return Object.fromEntries(editableLists.map((l) => [l.kind, listOf(l.kind)])) as Record<EditableKind, ListItem[]>;
    },
    /**
     * One list as an administrator leaves it, in the order given (issue [B]): a rename keeps the
     * code (its cases follow the new name), a new item gets the next free code, an item marked
     * inactive or left out is retired, never deleted, so every case that has it keeps its name.
     * Refused, changing nothing: an unknown code, a name twice, no active item left, a category's
     * statistics group off the 中消协 list or changed (domain.md "Categories": 统计 keeps
     * counting a category in the group it was counted in). Call inside a transaction.
     */
    saveList(kind: EditableKind, given: ListItem[]): ListItem[] {
      const label = listLabel(kind);
      const existing = new Map((everything.all(kind) as FullRow[]).map((r) => [r.code, r]));
      const fields: Record<string, string> = {};
      const names = new Map<string, number>();
      const listed = new Set<string>();
      given.forEach((item, i) => {
        const other = names.get(item.name);
        if (other !== undefined) fields[`items.${i}.name`] = `${label}“${item.name}”与第${other + 1}项重复`;
        names.set(item.name, i);
        const was = item.code === undefined ? undefined : existing.get(item.code);
        if (item.code !== undefined) {
          if (!was) fields[`items.${i}.code`] = `${label}代码“${item.code}”不存在`;
          else if (listed.has(item.code)) fields[`items.${i}.code`] = `${label}代码“${item.code}”列了两次`;
          listed.add(item.code);
        }
        if (kind === 'category') {
          if (!item.group || !(statisticsGroups as readonly string[]).includes(item.group)) fields[`items.${i}.group`] = `请从${statisticsGroups.join('、')}中选择统计大类`;
          else if (was && was.grp && was.grp !== item.group) fields[`items.${i}.group`] = `“${was.name}”的统计大类是${was.grp}，不能改为${item.group}：如需归入另一大类，请停用它并新增一个类别`;
        }
      });
      const left = [...existing.values()].filter((r) => !listed.has(r.code));
      left.forEach((r) => {
        const i = names.get(r.name);
        if (i !== undefined && fields[`items.${i}.name`] === undefined) fields[`items.${i}.name`] = `已停用的${label}中已有“${r.name}”，请重新启用它`;
      });
      if (!given.some((item) => item.active)) fields.items = `至少要保留一个启用的${label}`;
      const first = Object.values(fields)[0];
      if (first) throw new DomainError('VALIDATION', `输入有误：${first}`, fields);

      const prefix = editableLists.find((l) => l.kind === kind)!.prefix;
      const pattern = new RegExp(`^${prefix}(\\d+)$`);
      let next = [...existing.keys()].reduce((n, code) => Math.max(n, Number(pattern.exec(code)?.[1] ?? 0)), 0);
      const saved = given.map((item, i) => {
        const code = item.code ?? `${prefix}${String(++next).padStart(3, '0')}`;
        const words = kind === 'category' ? JSON.stringify(item.words ?? []) : '[]';
        upsertItem.run(kind, code, item.name, kind === 'category' ? item.group! : null, words, i + 1, item.active ? 1 : 0);
        return code;
      });
      left.forEach((r, i) => retireItem.run(given.length + i + 1, kind, r.code));
      const after = new Map(listOf(kind).map((item) => [item.code, item]));
      return [...saved, ...left.map((r) => r.code)].map((code) => after.get(code)!);
    },
    /** The name a case shows for a code, retired or not (a retired item keeps its name on every case). */
    nameOf(kind: Kind, code: string): string {
      return (anyOne.get(kind, code) as string | undefined) ?? code;
    },
    /** An item offered for new cases (active); a retired one is not found. */
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
