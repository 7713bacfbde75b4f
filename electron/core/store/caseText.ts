import type { Db } from '../db/open';
import { joinTokens, keysOfFields, tokensOf, VOIDED_MARK } from './searchTokens';
import { recentlyUsed } from './recentlyUsed';

/** What the workflow writes in its own words on a case (a contact's summary, a proposal, a reason): found by search as the case's notes. */
const NOTE_KEYS = ['summary', 'note', 'reason', 'comment', 'terms', 'reply'] as const;

interface TextRow {
  status: string;
  case_no: string;
  complainant_name: string;
  complainant_phone: string;
  complainant_id_number: string | null;
  complainant_address: string | null;
  subject: string;
  facts: string;
  request: string;
  respondent_name: string;
  credit_code: string | null;
  respondent_phone: string | null;
  contact_person: string | null;
  agent_name: string | null;
  agent_phone: string | null;
  purchase_shop: string | null;
  purchase_platform: string | null;
  order_no: string | null;
}

/** The notes of a case: the words its events carry, oldest first (indexed, and shown where a search found them). */
export function createCaseNotes(db: Db): (caseId: number) => string[] {
  const eventData = db.prepare('SELECT data FROM case_events WHERE case_id = ? ORDER BY id').pluck();
  return (caseId) => {
    const notes: string[] = [];
    for (const raw of eventData.all(caseId) as string[]) {
      const data = JSON.parse(raw) as Record<string, unknown>;
      for (const key of NOTE_KEYS) if (typeof data[key] === 'string') notes.push(data[key]);
    }
    return notes;
  };
}

/** The text read from a case's evidence (OCR, issue [H]), voided items left out: indexed, and shown where a search found it. */
export function createEvidenceTexts(db: Db): (caseId: number) => string[] {
  // Migration 7 indexes the cases with this code on a schema before 14, which has no text yet.
  if (!db.prepare("SELECT 1 FROM pragma_table_info('evidence') WHERE name = 'text'").get()) return () => [];
  const texts = db.prepare('SELECT text FROM evidence WHERE case_id = ? AND voided_at IS NULL AND text IS NOT NULL ORDER BY id').pluck();
  return (caseId) => texts.all(caseId) as string[];
}

/**
 * The short fields a clerk names a case by, in the order the index writes them, each with the label a
 * search's match found in it carries (searchPageRows.ts): one list, so no field is searched without
 * the register being able to say that the match was there.
 */
export const SHORT_FIELDS = [
  ['case_no', '案件编号'],
  ['complainant_name', '投诉人'],
  ['complainant_phone', '联系电话'],
  ['complainant_id_number', '证件号码'],
  ['complainant_address', '地址'],
  ['respondent_name', '被投诉方'],
  ['credit_code', '信用代码'],
  ['respondent_phone', '被投诉方电话'],
  ['contact_person', '被投诉方联系人'],
  ['subject', '商品或服务'],
  // The 登记表's agent and where the purchase was made: a clerk finds a case by the agent who calls,
  // or by the order number on a screenshot.
  ['agent_name', '代理人'],
  ['agent_phone', '代理人电话'],
  ['order_no', '订单号'],
  ['purchase_shop', '购买店铺'],
  ['purchase_platform', '购买平台'],
] as const satisfies readonly (readonly [keyof TextRow, string])[];

/** The long texts, each with the label of a match found in it. */
export const LONG_FIELDS = [
  ['facts', '事实'],
  ['request', '请求'],
] as const satisfies readonly (readonly [keyof TextRow, string])[];

/** Cases whose facts' tokens are kept (a few MB at most: a case's facts are a few hundred characters). */
const STORIES_KEPT = 256;

/**
 * The search index of the register (DESIGN.md "Data"; searchTokens.ts): one contentless FTS5 row
 * per case, its rowid the case id. Two columns: the short fields a clerk names a case by, where a
 * single character is looked for (by its key), and the long texts. No copy of the text is kept: the cases table
 * holds it; the index holds tokens only.
 */
export function createCaseText(db: Db, { bulkLoad = false }: { bulkLoad?: boolean } = {}) {
  // Migration 0007 indexes every case with this code, before 0013 added the 登记表's agent and
  // purchase-place columns: a register that does not have them yet indexes them as absent.
  const hasIntakeFields = (db.prepare("SELECT COUNT(*) FROM pragma_table_info('cases') WHERE name = 'order_no'").pluck().get() as number) > 0;
  const intakeFields = hasIntakeFields
    ? 'c.agent_name, c.agent_phone, c.purchase_shop, c.purchase_platform, c.order_no'
    : 'NULL AS agent_name, NULL AS agent_phone, NULL AS purchase_shop, NULL AS purchase_platform, NULL AS order_no';
  const row = db.prepare(
    `SELECT c.status, c.case_no, c.complainant_name, c.complainant_phone, c.complainant_id_number, c.complainant_address,
            c.subject, c.facts, c.request, ${intakeFields},
            r.name AS respondent_name, r.credit_code, r.phone AS respondent_phone, r.contact_person
       FROM cases c JOIN respondents r ON r.id = c.respondent_id WHERE c.id = ?`,
  );
  const remove = db.prepare('DELETE FROM case_index WHERE rowid = ?');
  const insert = db.prepare('INSERT INTO case_index (rowid, short, long) VALUES (?, ?, ?)');
  // The voided cases' own index (migration 0025), absent from a register not yet migrated to it.
  const hasVoidedIndex = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'case_index_voided'").get() !== undefined;
  const removeVoided = hasVoidedIndex ? db.prepare('DELETE FROM case_index_voided WHERE rowid = ?') : null;
  const insertVoided = hasVoidedIndex ? db.prepare('INSERT INTO case_index_voided (rowid, short, long) VALUES (?, ?, ?)') : null;

  const notesOf = createCaseNotes(db);
  const evidenceTextsOf = createEvidenceTexts(db);

  // Every event with words re-indexes its case, and the facts and request are most of its text: their
  // tokens are kept for the cases indexed last, and used again while both texts read the same.
  const stories = recentlyUsed<number, { facts: string; request: string; tokens: string }>(STORIES_KEPT);
  function storyTokens(caseId: number, facts: string, request: string): string {
    const hit = stories.get(caseId);
    if (hit && hit.facts === facts && hit.request === request) return hit.tokens;
    const tokens = tokensOf([facts, request]);
    stories.set(caseId, { facts, request, tokens });
    return tokens;
  }

  return {
    /** Writes the case's tokens afresh; call in the transaction that changed its words. */
    index(caseId: number): void {
      if (bulkLoad) return;
      const r = row.get(caseId) as TextRow | undefined;
      if (!r) throw new Error(`no case ${caseId} to index`);
      const shortFields = SHORT_FIELDS.map(([field]) => r[field]);
      // The keys and the voided mark after the runs, as they are: looked for alone, never in a phrase,
      // and no phrase's token is one of them, so none reaches across into them.
      const short = [tokensOf(shortFields), keysOfFields(shortFields), r.status === 'voided' ? VOIDED_MARK : ''].filter(Boolean).join(' ');
      const long = joinTokens(storyTokens(caseId, r.facts, r.request), tokensOf([...notesOf(caseId), ...evidenceTextsOf(caseId)]));
      remove.run(caseId);
      insert.run(caseId, short, long);
      // Voiding is final (shared/domain/workflow.ts: no step leaves 'voided'), so only a voided case
      // is ever in the voided index.
      if (r.status === 'voided' && insertVoided && removeVoided) {
        removeVoided.run(caseId);
        insertVoided.run(caseId, short, long);
      }
    },
  };
}
export type CaseText = ReturnType<typeof createCaseText>;

/** Whether an event's data carries words the index keeps (so only those events re-index the case). */
export const carriesNotes = (data: Record<string, unknown>): boolean => NOTE_KEYS.some((k) => typeof data[k] === 'string');
