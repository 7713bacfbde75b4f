import type { UserView } from '../../../../shared/api/schemas/common';
import type { WorkflowView } from '../../../../shared/api/schemas/workflow';
import { z } from 'zod';
import { finalStatuses } from '../../../../shared/domain/caseStatus';
import { allowedActions } from '../../../../shared/domain/workflow';
import type { Db } from '../../db/open';
import { caseWorkOf } from '../../store/caseWork';
import { loadCalendar } from '../calendar';
import type { CatalogService } from '../catalog';
import type { Deadlines } from '../deadlines';
import type { RuleSets } from '../ruleSets';
import type { CaseRecords, StoredProposal } from './caseState';
import type { OfficeClock } from '../../officeClock';

interface Deps {
  db: Db;
  clock: OfficeClock;
  deadlines: Deadlines;
  ruleSets: RuleSets;
  catalog: CatalogService;
  records: CaseRecords;
}

const sendBackData = z.object({ kind: z.enum(['refusal', 'outcome']), comment: z.string(), proposedBy: z.number().int() });
const proposedData = z.union([
  z.object({ measures: z.array(z.string()), recoveredFen: z.number().int(), punitiveFen: z.number().int().default(0), summary: z.string() }).transform((p) => ({ kind: 'outcome' as const, ...p })),
  z.object({ grounds: z.array(z.string()), reason: z.string() }).transform((p) => ({ kind: 'refusal' as const, ...p })),
]);

/** What the workflow has recorded on a case, as `cases.get` gives it: names resolved, deadlines as of today. */
export function createWorkflowView({ db, clock, deadlines, ruleSets, catalog, records }: Deps) {
  const userName = db.prepare('SELECT display_name FROM users WHERE id = ?').pluck();
  const work = caseWorkOf(db);
  const person = (id: number) => ({ id, displayName: (userName.get(id) as string | undefined) ?? `用户${id}` });
  const named = (kind: 'measure' | 'refusal_ground' | 'termination_ground', code: string) => catalog.nameOf(kind, code);

  /**
   * A proposal sent back and not yet answered (shared/domain/workflow.ts `sentBackAnsweredBy`),
   * from the case's events: the handler sees the 负责人's comment and starts again from what was proposed.
   */
  function sentBackOf(caseId: number, open: boolean): WorkflowView['sentBack'] {
    if (!open) return null;
    const last = work.lastOfSendBack(caseId);
    if (last?.type !== 'sendBack') return null;
    const sent = sendBackData.safeParse(JSON.parse(last.data));
    if (!sent.success) return null;
    const before = work.proposedBefore(caseId, last.id);
    const proposal = before ? proposedData.safeParse(JSON.parse(before)) : null;
    return {
      kind: sent.data.kind,
      by: person(last.user_id),
      at: last.at,
      comment: sent.data.comment,
      proposedBy: person(sent.data.proposedBy),
      proposal: proposal?.success && proposal.data.kind === sent.data.kind ? proposal.data : null,
    };
  }

  return function view(caseId: number, user: UserView): WorkflowView {
    const c = records.load(caseId);
    const rules = ruleSets.get(c.ruleSet);
    const today = clock.today();
    const itemOf = (list: { code: string; item: string }[], code: string) => list.find((g) => g.code === code)?.item ?? '';
    const refusalGround = (code: string) => ({ code, text: named('refusal_ground', code), item: itemOf(rules.refusal.grounds, code) });
    // What waits for approval, in full: the approver reads it before deciding (domain.md step 6).
    const proposalView = (p: StoredProposal): WorkflowView['proposal'] =>
      p.kind === 'refusal'
        ? { kind: 'refusal', by: person(p.by), at: p.at, grounds: p.grounds.map(refusalGround), article: rules.refusal.article, reason: p.reason }
        : {
            kind: 'outcome',
            by: person(p.by),
            at: p.at,
            measures: p.measures.map((code) => ({ code, name: named('measure', code) })),
            recoveredFen: p.recoveredFen,
            punitiveFen: p.punitiveFen,
            summary: p.summary,
          };
    return {
      version: c.version,
      handler: c.handlerId === null ? null : person(c.handlerId),
      allowedActions: allowedActions(records.stateOf(c), user),
      deadlines: deadlines.view(caseId, today, loadCalendar(db)),
      today,
      ruleSet: { code: rules.code, name: rules.name },
      paused: c.paused,
      materials: c.materials,
      proposal: c.proposal && proposalView(c.proposal),
      sentBack: sentBackOf(caseId, !finalStatuses.includes(c.status)),
      acceptedOn: c.acceptedOn,
      refusal: c.refusal && {
        grounds: c.refusal.grounds.map(refusalGround),
        article: rules.refusal.article,
        reason: c.refusal.reason,
        proposedBy: person(c.refusal.proposedBy),
        approval: { by: person(c.refusal.approval.by), at: c.refusal.approval.at, comment: c.refusal.approval.comment },
      },
      referral: c.referral,
      mediation: c.mediation && {
        startedOn: c.mediation.startedOn,
        sessions: work.sessions(caseId).map((s) => ({
          id: s.id,
          at: s.at,
          place: s.place,
          mode: s.mode,
          mediator: s.mediator,
          mediatorPhone: s.mediator_phone,
          bring: s.bring,
          held: s.held === null ? null : s.held === 1,
          summary: s.summary,
        })),
        result: c.mediation.result,
        terms: c.mediation.terms,
        ground: c.mediation.ground
          ? { code: c.mediation.ground, text: named('termination_ground', c.mediation.ground), item: itemOf(rules.termination.grounds, c.mediation.ground), article: rules.termination.article }
          : null,
        endedOn: c.mediation.endedOn,
      },
      outcome: c.outcome && {
        measures: c.outcome.measures.map((code) => ({ code, name: named('measure', code) })),
        recoveredFen: c.outcome.recoveredFen,
        punitiveFen: c.outcome.punitiveFen,
        summary: c.outcome.summary,
        resolved: c.outcome.resolved,
        proposedBy: person(c.outcome.proposedBy),
        proposedAt: c.outcome.proposedAt,
        approval: { by: person(c.outcome.approval.by), at: c.outcome.approval.at, comment: c.outcome.approval.comment },
      },
      followUps: work.followUps(caseId).map((f) => ({
        at: f.at,
        by: person(f.user_id),
        satisfaction: f.satisfaction,
        note: f.note,
      })),
      // 回访 follows an outcome made known; a refused or referred case has none to make.
      followUpsRequired: c.refusal || c.referral || c.status === 'refused' || c.status === 'referred' ? 0 : records.followUpsRequired(c),
      notifiedOn: c.notifiedAt ? c.notifiedAt.slice(0, 10) : null,
      closedOn: c.closedOn,
      voided: c.voided && { reason: c.voided.reason, by: person(c.voided.by), at: c.voided.at },
    };
  };
}
