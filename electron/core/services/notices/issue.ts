import type { z } from 'zod';
import { DomainError } from '../../../../shared/api/errors';
import type { CaseDetail } from '../../../../shared/api/schemas/cases';
import type { UserView } from '../../../../shared/api/schemas/common';
import type { noticesIssue, noticesPreview } from '../../../../shared/api/schemas/notices';
import { noticeFactsOf, noticeRefusal } from '../../../../shared/notices/availability';
import { noticeFields, overrideProblems } from '../../../../shared/notices/fields';
import type { NoticeDocument } from '../../../../shared/notices/model';
import { noticeTitle } from '../../../../shared/notices/types';
import type { Db } from '../../db/open';
import { readOfficeFont } from '../../notices/fonts';
import { printNotice } from '../../notices/print';
import type { PdfPrinter } from '../../ports';
import type { Vault } from '../../vault/vault';
import type { Audit } from '../audit';
import type { CaseEvents } from '../cases/events';
import type { Deadlines } from '../deadlines';
import type { OfficeProfileService } from '../officeProfile';
import type { RuleSets } from '../ruleSets';
import type { Settings } from '../settings';
import { integrityAnchor } from './anchor';
import { refuseUnlessIssuer } from './issuer';
import { buildNotice } from './build';
import type { NoticeRecords } from './records';
import type { CaseHead } from '../../store/caseHeads';
import type { OfficeClock } from '../../officeClock';

type PreviewInput = z.output<typeof noticesPreview.input>;
type IssueInput = z.output<typeof noticesIssue.input>;

export interface IssueDeps {
  db: Db;
  clock: OfficeClock;
  settings: Settings;
  audit: Audit;
  events: CaseEvents;
  deadlines: Deadlines;
  ruleSets: RuleSets;
  records: NoticeRecords;
  office: OfficeProfileService;
  vault: Vault;
  getCase: (id: number, user: UserView) => CaseDetail;
  caseHead: (caseId: number) => CaseHead | null;
  pdf?: PdfPrinter;
}

interface Plan {
  doc: NoticeDocument;
  caseId: number;
  version: number;
  year: number;
  seq: number;
  now: string;
  bodyFontPath: string | null;
  supersedes: { id: number; number: string } | null;
}

/** A print failing this many times in a row because the case or the numbers moved gives up. */
const ATTEMPTS = 3;

/**
 * Issuing a notice (API.md `notices.issue`): the case must allow the type (one rule, shared), the
 * PDF is printed with the number the notice will get, stored in the vault, and only then — in one
 * immediate transaction that checks nothing moved meanwhile — the number is taken, the notice row
 * with its snapshot written, the case's timeline and the audit log told. A refusal at any point
 * uses no number. Issues in this process run one at a time, so a number seen is a number got.
 */
export type Issued = { id: number; number: string; sha256: string };
export interface IssueGuard {
  earlier: Issued | null;
  commit(step: () => Issued | null): Issued | null;
}

export function createNoticeIssuer(deps: IssueDeps) {
  const { db, clock, audit, events, deadlines, ruleSets, records, office, vault } = deps;
  const insert = db.prepare(
    `INSERT INTO notices (case_id, type, year, seq, number, issued_at, issued_by, snapshot, sha256, size, pages, supersedes, correction_reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let queue: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  };

  /** Everything the notice needs from the case, checked in API order: input (400), case (404), state (409). */
  function draft(input: PreviewInput & { reason?: string }, user: UserView): Omit<Plan, 'seq'> {
    const problems = overrideProblems(input.type, input.overrides ?? {});
    if (Object.keys(problems).length) throw new DomainError('VALIDATION', `输入有误：${Object.values(problems)[0]}`, problems);
    const c = deps.getCase(input.caseId, user);
    const refusal = noticeRefusal(input.type, noticeFactsOf(c));
    if (refusal) throw new DomainError('INVALID_TRANSITION', refusal);
    let supersedes: Plan['supersedes'] = null;
    if (input.supersedes !== undefined) {
      const old = records.row(input.supersedes);
      const field = (m: string) => new DomainError('VALIDATION', m, { supersedes: m });
      if (old.case_id !== c.id) throw field('要更正的文书不属于本案');
      if (old.type !== input.type) throw field(`更正应签发同类文书（${noticeTitle[old.type]}）`);
      if (old.superseded_by !== null) throw field(`该文书已被${old.superseded_by_number}更正，请更正最新的一份`);
      supersedes = { id: old.id, number: old.number };
    }
    const zone = clock.zone();
    const instant = clock.instant();
    const today = clock.dateOf(instant);
    const profile = office.get();
    const built = buildNotice(input.type, { c, office: profile, today, zone, user, rules: ruleSets.get(c.ruleSet.code), sessionId: input.sessionId, anchor: integrityAnchor(audit) });
    const doc = { ...built, supersedes: supersedes && { number: supersedes.number }, text: { ...built.text, ...input.overrides } } as NoticeDocument;
    const blank = noticeFields[input.type].find((f) => f.required && !(doc.text[f.key] ?? '').trim());
    if (blank) throw new DomainError('VALIDATION', `请填写${blank.label}`, { [`overrides.${blank.key}`]: `请填写${blank.label}` });
    return { doc, caseId: c.id, version: c.version, year: Number(today.slice(0, 4)), now: clock.iso(instant), bodyFontPath: profile.bodyFont?.path ?? null, supersedes };
  }

  async function bodyFont(path: string | null): Promise<Buffer | null> {
    if (!path) return null;
    return readOfficeFont(path).catch(() => {
      throw new DomainError('INTERNAL', `设置中的正文字体文件“${path}”已无法读取，请管理员在设置中重新选择或清除正文字体`);
    });
  }

  /** The row, the number, the timeline and the audit: all or nothing; null (having written nothing) when the case or the numbers moved. */
  function commit(plan: Plan, stored: { sha256: string; size: number }, pages: number, user: UserView, reason: string | null) {
    if (deps.caseHead(plan.caseId)?.version !== plan.version) return null;
    if (records.peekSeq(plan.doc.type, plan.year) !== plan.seq) return null;
    if (clock.today() !== plan.doc.date) return null;
    // The same as peeked a line above, inside this immediate transaction: the number printed is the number got.
    const seq = records.takeSeq(plan.doc.type, plan.year);
    const number = `${plan.doc.number.head}${seq}号`;
    const id = Number(
      insert.run(plan.caseId, plan.doc.type, plan.year, seq, number, plan.now, user.id, JSON.stringify(plan.doc), stored.sha256, stored.size, pages, plan.supersedes?.id ?? null, reason)
        .lastInsertRowid,
    );
    // 终止调解告知 is owed within 7 工作日 of the decision (order 20 第21条): issuing it meets that clock.
    const met = plan.doc.type === 'mediationEnded' ? deadlines.end(plan.caseId, ['terminationNotice'], 'met', plan.doc.date) : [];
    events.record({
      caseId: plan.caseId,
      at: plan.now,
      userId: user.id,
      type: 'noticeIssued',
      data: { noticeId: id, type: plan.doc.type, title: noticeTitle[plan.doc.type], number, sha256: stored.sha256, pages, supersedes: plan.supersedes, reason, deadlinesMet: met },
    });
    audit.append({ at: plan.now, userId: user.id, action: 'notices.issue', entity: 'notice', entityId: id, data: { caseId: plan.caseId, type: plan.doc.type, number, sha256: stored.sha256 } });
    return { id, number, sha256: stored.sha256 };
  }

  return {
    /** The notice as it would be issued now, its number left blank; nothing stored, no number used. */
    preview(input: PreviewInput, user: UserView) {
      const { doc } = db.transaction(() => draft(input, user))();
      return { document: doc, seal: office.sealSrc(doc.seal) };
    },

    /** `once`: the client request id's guard (services/requests.ts), so a retry after a lost answer gets the same notice. */
    issue(input: IssueInput, user: UserView, once?: IssueGuard): Promise<Issued> {
      refuseUnlessIssuer(deps.caseHead(input.caseId), input, user);
      if (once?.earlier) return Promise.resolve(once.earlier);
      return oneAtATime(async () => {
        for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
          const plan = db.transaction(() => {
            const d = draft(input, user);
            const seq = records.peekSeq(d.doc.type, d.year);
            return { ...d, seq, doc: { ...d.doc, number: { ...d.doc.number, seq } } as NoticeDocument };
          })();
          const printed = await printNotice(deps.pdf, plan.doc, { sealSrc: office.sealSrc(plan.doc.seal), bodyFont: await bodyFont(plan.bodyFontPath) });
          // The PDF is in the vault before any row names it; a PDF whose row never came is only an unused file.
          const stored = await vault.putBuffer(printed.pdf);
          const step = () => commit(plan, stored, printed.pages, user, input.reason ?? null);
          const done = once ? once.commit(step) : db.transaction(step).immediate();
          if (done) return done;
        }
        throw new DomainError('CONFLICT', '签发期间案件或文号被他人更新，本次未签发、未占用文号，请重试');
      });
    },
  };
}
