import type { Db } from '../../db/open';

/** The words a clerk may search a case by (DESIGN.md "Data": names, phones, businesses, subjects, facts, requests). */
export function indexCase(db: Db, caseId: number): void {
  const row = db
    .prepare(
      `SELECT c.case_no, c.complainant_name, c.complainant_phone, c.complainant_id_number, c.subject, c.facts, c.request,
              r.name AS respondent_name, r.credit_code, r.phone AS respondent_phone
         FROM cases c JOIN respondents r ON r.id = c.respondent_id WHERE c.id = ?`,
    )
    .get(caseId) as Record<string, string | null>;
  const body = Object.values(row).filter(Boolean).join('\n');
  db.prepare('DELETE FROM case_search WHERE rowid = ?').run(caseId);
  db.prepare('INSERT INTO case_search (rowid, body) VALUES (?, ?)').run(caseId, body);
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * SQL conditions on case ids for the words typed. Trigram tokens need three characters, so a
 * shorter word (a surname, a two-character city) takes the LIKE path over the same text.
 */
export function textConditions(text: string): { sql: string[]; params: string[] } {
  // Control characters separate words like spaces do: FTS5 reads its query as a C string, so a
  // NUL inside a quoted word left the quote open (a 500 before this).
  const words = text.split(/[\s\p{Cc}]+/u).filter(Boolean).slice(0, 8);
  const long = words.filter((w) => [...w].length >= 3);
  const short = words.filter((w) => [...w].length < 3);
  const sql: string[] = [];
  const params: string[] = [];
  if (long.length) {
    sql.push('c.id IN (SELECT rowid FROM case_search WHERE case_search MATCH ?)');
    params.push(long.map((w) => `"${w.replace(/"/g, '""')}"`).join(' AND '));
  }
  for (const w of short) {
    sql.push("c.id IN (SELECT rowid FROM case_search WHERE body LIKE ? ESCAPE '\\')");
    params.push(`%${escapeLike(w)}%`);
  }
  return { sql, params };
}
