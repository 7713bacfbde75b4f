import type { Statement } from 'better-sqlite3';
import type { z } from 'zod';
import { DomainError } from '../../../../shared/api/errors';
import type { ChecklistItemView, checklistMark } from '../../../../shared/api/schemas/evidence';
import type { UserView } from '../../../../shared/api/schemas/common';
import { deadlineMetByChecklistItem, type DeadlineKind } from '../../../../shared/domain/deadlines';
import { checklistStateLabel, type ChecklistState } from '../../../../shared/domain/evidence';
import type { Db } from '../../db/open';
import type { Deadlines } from '../deadlines';
import type { Audit } from '../audit';
import type { CaseEvents } from '../cases/events';
import { caseToWork } from '../cases/mayWork';
import type { ChecklistTemplates } from './templates';
import type { OfficeClock } from '../../officeClock';

type MarkInput = z.output<typeof checklistMark.input>;

interface ItemRow {
  id: number;
  case_id: number;
  text: string;
  state: ChecklistState;
  note: string | null;
  marked_by: number | null;
  marked_by_name: string | null;
  marked_at: string | null;
  from_template: number;
}

/**
 * An item as the case reads it. An item the template gave at its own position keeps no copy of its
 * text (migration 0042): the case's template version, which never changes, gives it.
 */
const ITEM_TEXT = 'COALESCE(i.text, t.items ->> i.position)';
const ITEM_TEMPLATE = `LEFT JOIN case_checklists cc ON cc.case_id = i.case_id
  LEFT JOIN checklist_templates t ON t.id = cc.template_id`;
const ITEM_COLUMNS = `i.id, i.case_id, ${ITEM_TEXT} AS text, i.state, i.note, i.marked_by, i.marked_at, i.from_template`;

export interface ChecklistDeps { db: Db; clock: OfficeClock; audit: Audit; events: CaseEvents; templates: ChecklistTemplates; deadlines: Deadlines }

/**
 * The other way round from `mark`: a workflow step that records what a checklist item waits for
 * (the business's reply) marks that item 已完成, where it is still 待办. Called inside the step's
 * transaction; the step's own event records it. Returns the items it marked.
 */
/** markItemsMetBy runs inside workflow steps (every business reply): its statements are prepared once per connection. */
const metByQueries = new WeakMap<Db, { todo: Statement; mark: Statement }>();

export function markItemsMetBy(db: Db, caseId: number, kind: DeadlineKind, userId: number, at: string, note: string): { itemId: number; text: string }[] {
  let q = metByQueries.get(db);
  if (!q) {
    q = {
      todo: db.prepare(`SELECT i.id, ${ITEM_TEXT} AS text FROM case_checklist_items i ${ITEM_TEMPLATE} WHERE i.case_id = ? AND i.state = 'todo'`),
      mark: db.prepare("UPDATE case_checklist_items SET state = 'done', note = COALESCE(note, ?), marked_by = ?, marked_at = ? WHERE id = ?"),
    };
    metByQueries.set(db, q);
  }
  const { mark } = q;
  const todo = q.todo.all(caseId) as { id: number; text: string }[];
  return todo
    .filter((i) => deadlineMetByChecklistItem(i.text) === kind)
    .map((i) => {
      mark.run(note, userId, at, i.id);
      return { itemId: i.id, text: i.text };
    });
}

/** A case's investigation checklist: what to establish, marked by who and when, linked to the evidence that establishes it. */
export function createCaseChecklist({ db, clock, audit, events, templates, deadlines }: ChecklistDeps) {
  const insertOrigin = db.prepare('INSERT INTO case_checklists (case_id, template_id, created_at) VALUES (?, ?, ?)');
  const replaceOrigin = db.prepare('INSERT OR REPLACE INTO case_checklists (case_id, template_id, created_at) VALUES (?, ?, ?)');
  const insertItem = db.prepare(
    'INSERT INTO case_checklist_items (case_id, position, text, from_template, added_by, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  // The template's own items, as the case got them: text and time come from the template and the checklist.
  const insertTemplateItem = db.prepare('INSERT INTO case_checklist_items (case_id, position, from_template) VALUES (?, ?, 1)');
  // Before the case moves to another template, its items take their text and time from the one they came from.
  const writeOut = db.prepare(`UPDATE case_checklist_items AS i
      SET text = COALESCE(i.text, t.items ->> i.position), created_at = COALESCE(i.created_at, cc.created_at)
     FROM case_checklists cc JOIN checklist_templates t ON t.id = cc.template_id
    WHERE cc.case_id = i.case_id AND i.case_id = ? AND (i.text IS NULL OR i.created_at IS NULL)`);
  const items = db.prepare(
    `SELECT ${ITEM_COLUMNS}, u.display_name AS marked_by_name FROM case_checklist_items i ${ITEM_TEMPLATE} LEFT JOIN users u ON u.id = i.marked_by
      WHERE i.case_id = ? ORDER BY i.position, i.id`,
  );
  const item = db.prepare(`SELECT ${ITEM_COLUMNS} FROM case_checklist_items i ${ITEM_TEMPLATE} WHERE i.id = ? AND i.case_id = ?`);
  const links = db.prepare(
    'SELECT l.item_id, l.evidence_id FROM checklist_item_evidence l JOIN case_checklist_items i ON i.id = l.item_id WHERE i.case_id = ? ORDER BY l.evidence_id',
  );
  const origin = db.prepare(
    'SELECT t.category, t.version FROM case_checklists cc JOIN checklist_templates t ON t.id = cc.template_id WHERE cc.case_id = ?',
  );
  const nextPosition = db.prepare('SELECT COALESCE(MAX(position), -1) + 1 FROM case_checklist_items WHERE case_id = ?').pluck();
  const update = db.prepare('UPDATE case_checklist_items SET state = ?, note = ?, marked_by = ?, marked_at = ? WHERE id = ?');
  const unlinkAll = db.prepare('DELETE FROM checklist_item_evidence WHERE item_id = ?');
  const link = db.prepare('INSERT INTO checklist_item_evidence (item_id, evidence_id) VALUES (?, ?)');
  const evidenceOfCase = db.prepare('SELECT id FROM evidence WHERE case_id = ? AND id = ?').pluck();
  const linked = db.prepare('SELECT evidence_id FROM checklist_item_evidence WHERE item_id = ? ORDER BY evidence_id').pluck();

  const now = () => clock.now();

  return {
    /**
     * Copies the current template of the case's category onto a new case. Called inside the
     * registering transaction, so a case never exists without the checklist it started with.
     */
    instantiate(caseId: number, category: string, at: string): void {
      const t = templates.current(category);
      if (!t) return;
      insertOrigin.run(caseId, t.id, at);
      (JSON.parse(t.items) as string[]).forEach((_text, i) => insertTemplateItem.run(caseId, i));
    },

    /**
     * A corrected category (issue [B]): the case's list follows it, and nothing worked is lost. The
     * old template's items nobody has touched (to do, no note, no evidence) are marked 不适用 with
     * the reason; the new category's current template adds its items the case does not already
     * have, after the others; items marked, noted or added by hand stay as they are. Called inside
     * the correction's transaction. Returns the texts added and set aside, for its event.
     */
    recategorise(caseId: number, category: string, why: { userId: number; at: string; note: string }): { added: string[]; setAside: string[] } {
      const t = templates.current(category);
      const current = items.all(caseId) as ItemRow[];
      const wanted: string[] = t ? (JSON.parse(t.items) as string[]) : [];
      const worked = new Set((links.all(caseId) as { item_id: number }[]).map((l) => l.item_id));
      const setAside: string[] = [];
      for (const r of current) {
        if (r.from_template !== 1 || r.state !== 'todo' || r.note || worked.has(r.id) || wanted.includes(r.text)) continue;
        update.run('na', why.note, why.userId, why.at, r.id);
        setAside.push(r.text);
      }
      const have = new Set(current.map((r) => r.text));
      const added = wanted.filter((text) => !have.has(text));
      let position = nextPosition.get(caseId) as number;
      for (const text of added) insertItem.run(caseId, position++, text, 1, null, why.at);
      if (t) {
        writeOut.run(caseId);
        replaceOrigin.run(caseId, t.id, why.at);
      }
      return { added, setAside };
    },

    origin(caseId: number): { category: string; version: number } | null {
      return (origin.get(caseId) as { category: string; version: number } | undefined) ?? null;
    },

    itemsOf(caseId: number): ChecklistItemView[] {
      const byItem = new Map<number, number[]>();
      for (const l of links.all(caseId) as { item_id: number; evidence_id: number }[]) {
        byItem.set(l.item_id, [...(byItem.get(l.item_id) ?? []), l.evidence_id]);
      }
      return (items.all(caseId) as ItemRow[]).map((r) => ({
        id: r.id,
        text: r.text,
        state: r.state,
        note: r.note,
        markedBy: r.marked_by === null ? null : { id: r.marked_by, displayName: r.marked_by_name ?? '' },
        markedAt: r.marked_at,
        evidenceIds: byItem.get(r.id) ?? [],
        addedToCase: r.from_template === 0,
      }));
    },

    /** An item for this case alone (something the template did not foresee). */
    addItem(caseId: number, text: string, user: UserView): number {
      return db.transaction(() => {
        caseToWork(db, caseId, user);
        const at = now();
        const id = Number(insertItem.run(caseId, nextPosition.get(caseId), text, 0, user.id, at).lastInsertRowid);
        events.record({ caseId, at, userId: user.id, type: 'checklist_item_added', data: { itemId: id, text } });
        audit.append({ at, userId: user.id, action: 'checklist.addItem', entity: 'case', entityId: caseId, data: { itemId: id, text } });
        return id;
      }).immediate();
    },

    /** 待办 / 已完成 / 不适用, with a note and the evidence that satisfies it; each mark is a case event. */
    mark(input: MarkInput, user: UserView): void {
      db.transaction(() => {
        caseToWork(db, input.caseId, user);
        const row = item.get(input.itemId, input.caseId) as ItemRow | undefined;
        if (!row) throw new DomainError('NOT_FOUND', '本案的调查清单中没有这一项，请刷新后重试');
        const evidenceIds = input.evidenceIds === undefined ? (linked.all(row.id) as number[]) : [...new Set(input.evidenceIds)].sort((a, b) => a - b);
        const strangers = evidenceIds.filter((e) => !evidenceOfCase.get(input.caseId, e));
        if (strangers.length) {
          throw new DomainError('VALIDATION', `证据 ${strangers.join('、')} 不属于本案，不能关联`, { evidenceIds: '只能关联本案的证据' });
        }
        const note = input.note === undefined ? row.note : input.note === '' ? null : input.note;
        const instant = clock.instant();
        const at = clock.iso(instant);
        update.run(input.state, note, user.id, at, row.id);
        if (input.evidenceIds !== undefined) {
          unlinkAll.run(row.id);
          for (const e of evidenceIds) link.run(row.id, e);
        }
        // The item a clock waits for, marked done, meets that clock (经营者答复 → the business's reply).
        const meets = input.state === 'done' ? deadlineMetByChecklistItem(row.text) : null;
        const deadlinesMet = meets ? deadlines.end(input.caseId, [meets], 'met', clock.dateOf(instant)) : [];
        const data = {
          itemId: row.id,
          text: row.text,
          state: input.state,
          stateLabel: checklistStateLabel[input.state],
          previousState: row.state,
          note,
          evidenceIds,
          ...(deadlinesMet.length ? { deadlinesMet } : {}),
        };
        events.record({ caseId: input.caseId, at, userId: user.id, type: 'checklist_marked', data });
        audit.append({ at, userId: user.id, action: 'checklist.mark', entity: 'case', entityId: input.caseId, data });
      }).immediate();
    },
  };
}
export type CaseChecklist = ReturnType<typeof createCaseChecklist>;
