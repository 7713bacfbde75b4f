import { DomainError } from '../../../../shared/api/errors';
import type { ChecklistTemplateView } from '../../../../shared/api/schemas/evidence';
import type { UserView } from '../../../../shared/api/schemas/common';
import type { Db } from '../../db/open';
import type { Audit } from '../audit';
import type { CatalogService } from '../catalog';
import type { Settings } from '../settings';
import type { OfficeClock } from '../../officeClock';

export interface TemplateRow {
  id: number;
  category: string;
  version: number;
  items: string;
  saved_at: string | null;
  saved_by: number | null;
  saved_by_name: string | null;
}

/**
 * Checklist templates per category (domain.md step 4: "a checklist per category"). Shipped in
 * resources/checklists, edited by an administrator; every save is a new version, so a case keeps
 * the version it started with.
 */
export function createChecklistTemplates(db: Db, clock: OfficeClock, audit: Audit, settings: Settings, catalog: CatalogService) {
  const latest = db.prepare(
    `SELECT t.*, u.display_name AS saved_by_name FROM checklist_templates t LEFT JOIN users u ON u.id = t.saved_by
      WHERE t.category = ? ORDER BY t.version DESC LIMIT 1`,
  );
  const insert = db.prepare('INSERT INTO checklist_templates (category, version, items, saved_at, saved_by) VALUES (?, ?, ?, ?, ?)');

  const current = (category: string) => latest.get(category) as TemplateRow | undefined;

  return {
    current,

    /** Every category of the catalog with its current template; version 0 where none was ever made. */
    list(): ChecklistTemplateView[] {
      return catalog.get().categories.map((c) => {
        const t = current(c.code);
        return {
          category: c,
          version: t?.version ?? 0,
          items: t ? (JSON.parse(t.items) as string[]) : [],
          savedAt: t?.saved_at ?? null,
          savedBy: t?.saved_by ? { id: t.saved_by, displayName: t.saved_by_name ?? '' } : null,
        };
      });
    },

    save(category: string, items: string[], user: UserView): { version: number } {
      if (!catalog.find('category', category)) {
        throw new DomainError('VALIDATION', '输入有误：请选择有效的投诉类别', { category: '请选择有效的投诉类别' });
      }
      const seen = new Map<string, number>();
      const fields: Record<string, string> = {};
      items.forEach((text, i) => {
        if (seen.has(text)) fields[`items.${i}`] = `与第 ${seen.get(text)! + 1} 项重复`;
        else seen.set(text, i);
      });
      const first = Object.values(fields)[0];
      if (first) throw new DomainError('VALIDATION', `输入有误：清单事项${first}`, fields);
      return db.transaction(() => {
        const before = current(category);
        if (before && before.items === JSON.stringify(items)) return { version: before.version };
        const version = (before?.version ?? 0) + 1;
        const at = clock.now();
        insert.run(category, version, JSON.stringify(items), at, user.id);
        audit.append({ at, userId: user.id, action: 'checklistTemplates.save', entity: 'checklist_template', entityId: null, data: { category, version, items } });
        return { version };
      }).immediate();
    },
  };
}
export type ChecklistTemplates = ReturnType<typeof createChecklistTemplates>;
