import { DomainError } from '../../../shared/api/errors';
import type { Db } from '../db/open';

export interface RespondentRow {
  id: number;
  name: string;
  credit_code: string | null;
  address: string | null;
  contact_person: string | null;
  phone: string | null;
}

export interface NewRespondent { name: string; creditCode?: string; address?: string; contactPerson?: string; phone?: string }

export const toRespondentView = (r: RespondentRow) => ({
  id: r.id,
  name: r.name,
  creditCode: r.credit_code,
  address: r.address,
  contactPerson: r.contact_person,
  phone: r.phone,
});

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Respondents are reused across cases (domain.md "Register"), so statistics can count per business. */
export function createRespondents(db: Db) {
  const byId = db.prepare('SELECT * FROM respondents WHERE id = ?');
  const byCode = db.prepare('SELECT * FROM respondents WHERE credit_code = ?');
  const byName = db.prepare('SELECT * FROM respondents WHERE name = ? ORDER BY id LIMIT 1');
  const insert = db.prepare('INSERT INTO respondents (name, credit_code, address, contact_person, phone, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const search = db.prepare(
    `SELECT r.*, (SELECT COUNT(*) FROM cases c WHERE c.respondent_id = r.id) AS case_count
       FROM respondents r
      WHERE r.name LIKE ? ESCAPE '\\' OR r.credit_code = ?
      ORDER BY case_count DESC, r.name LIMIT ?`,
  );

  /** The row a typed business would be linked to at registration, if there is one (the rule of `resolve`). */
  const find = (r: { name: string; creditCode?: string }): RespondentRow | undefined => {
    const code = r.creditCode?.toUpperCase();
    return (code ? byCode.get(code) : byName.get(r.name)) as RespondentRow | undefined;
  };

  return {
    find,
    get(id: number): RespondentRow {
      const row = byId.get(id) as RespondentRow | undefined;
      if (!row) throw new DomainError('VALIDATION', '所选的被投诉方不存在，请重新选择', { 'respondent.id': '被投诉方不存在' });
      return row;
    },
    /**
     * The same business is one row: matched by its credit code, else by its exact name. An existing
     * row is linked as it is; details typed for it now are kept on the case's event, not written over it.
     */
    resolve(r: NewRespondent, at: string): { row: RespondentRow; created: boolean } {
      const code = r.creditCode?.toUpperCase();
      const existing = find(r);
      if (existing) return { row: existing, created: false };
      const id = Number(insert.run(r.name, code ?? null, r.address ?? null, r.contactPerson ?? null, r.phone ?? null, at).lastInsertRowid);
      return { row: byId.get(id) as RespondentRow, created: true };
    },
    search(text: string, limit: number) {
      const rows = search.all(`%${escapeLike(text)}%`, text.toUpperCase(), limit) as (RespondentRow & { case_count: number })[];
      return rows.map((r) => ({ ...toRespondentView(r), caseCount: r.case_count }));
    },
  };
}
export type Respondents = ReturnType<typeof createRespondents>;
