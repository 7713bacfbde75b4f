import { settingKeys, WORKFLOW_DEFAULTS } from '../../../../shared/api/schemas/officeSettings';
import { z } from 'zod';
import { DomainError } from '../../../../shared/api/errors';
import type { CaseStatus } from '../../../../shared/domain/caseStatus';
import type { WorkflowState } from '../../../../shared/domain/workflow';
import type { Db } from '../../db/open';
import { caseWorkOf } from '../../store/caseWork';
import type { Settings } from '../settings';

/**
 * What the workflow records beside the status, one JSON column per step's outcome. Each is parsed
 * on read, so a row edited by hand is found as a fault rather than misread as a decision.
 */
const id = z.number().int();
export const storedShapes = {
  paused: z.object({ reason: z.string(), note: z.string(), since: z.string() }),
  materials: z.object({ items: z.array(z.string()), dueOn: z.string(), requestedOn: z.string() }),
  proposal: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('refusal'), by: id, at: z.string(), grounds: z.array(z.string()), reason: z.string() }),
    z.object({
      kind: z.literal('outcome'),
      by: id,
      at: z.string(),
      measures: z.array(z.string()),
      recoveredFen: z.number().int(),
      punitiveFen: z.number().int(),
      summary: z.string(),
    }),
  ]),
  approval: z.object({ by: id, at: z.string(), comment: z.string() }),
  referral: z.object({ to: z.string(), reason: z.string(), on: z.string(), reportDueOn: z.string(), reply: z.string().nullable(), repliedOn: z.string().nullable() }),
  mediation: z.object({
    startedOn: z.string(),
    result: z.enum(['agreement', 'terminated']).nullable(),
    terms: z.string().nullable(),
    ground: z.string().nullable(),
    endedOn: z.string().nullable(),
  }),
  voided: z.object({ reason: z.string(), by: id, at: z.string() }),
};
const refusalShape = z.object({ grounds: z.array(z.string()), reason: z.string(), proposedBy: id, proposedAt: z.string(), approval: storedShapes.approval });
const outcomeShape = z.object({
  measures: z.array(z.string()),
  recoveredFen: z.number().int(),
  punitiveFen: z.number().int(),
  summary: z.string(),
  resolved: z.boolean(),
  proposedBy: id,
  proposedAt: z.string(),
  approval: storedShapes.approval,
});
export type StoredProposal = z.infer<typeof storedShapes.proposal>;
export type StoredRefusal = z.infer<typeof refusalShape>;
export type StoredOutcome = z.infer<typeof outcomeShape>;
export type StoredMediation = z.infer<typeof storedShapes.mediation>;
export type StoredReferral = z.infer<typeof storedShapes.referral>;

const json = <T extends z.ZodType>(shape: T, raw: string | null): z.infer<T> | null => (raw === null ? null : shape.parse(JSON.parse(raw)));

export interface CaseRecord {
  id: number;
  caseNo: string;
  status: CaseStatus;
  version: number;
  receivedOn: string;
  ruleSet: string;
  handlerId: number | null;
  consentMediation: boolean;
  acceptedOn: string | null;
  paused: z.infer<typeof storedShapes.paused> | null;
  materials: z.infer<typeof storedShapes.materials> | null;
  proposal: StoredProposal | null;
  refusal: StoredRefusal | null;
  referral: StoredReferral | null;
  mediation: StoredMediation | null;
  outcome: StoredOutcome | null;
  notifiedAt: string | null;
  closedOn: string | null;
  voided: z.infer<typeof storedShapes.voided> | null;
  natures: string[];
}

/** Reads a case's workflow record; 404 in Chinese when there is none. */
export function createCaseRecords(db: Db, settings: Settings) {
  const work = caseWorkOf(db);

  function load(caseId: number): CaseRecord {
    const r = work.record(caseId);
    if (!r) throw new DomainError('NOT_FOUND', `未找到编号为 ${caseId} 的案件`);
    return {
      id: r.id,
      caseNo: r.case_no,
      status: r.status,
      version: r.version,
      receivedOn: r.received_on,
      ruleSet: r.rule_set,
      handlerId: r.handler_id,
      consentMediation: r.consent_mediation === 1,
      acceptedOn: r.accepted_on,
      paused: json(storedShapes.paused, r.paused),
      materials: json(storedShapes.materials, r.materials),
      proposal: json(storedShapes.proposal, r.proposal),
      refusal: json(refusalShape, r.refusal),
      referral: json(storedShapes.referral, r.referral),
      mediation: json(storedShapes.mediation, r.mediation),
      outcome: json(outcomeShape, r.outcome),
      notifiedAt: r.notified_at,
      closedOn: r.closed_on,
      voided: json(storedShapes.voided, r.voided),
      natures: work.natures(caseId),
    };
  }

  /** 回访 (domain.md step 8): once, quality cases at least twice — both office settings. */
  function followUpsRequired(c: CaseRecord): number {
    return c.natures.includes('quality')
      ? settings.get<number>(settingKeys.workflow.followUpsRequiredForQuality, WORKFLOW_DEFAULTS.followUpsRequiredForQuality)
      : settings.get<number>(settingKeys.workflow.followUpsRequired, WORKFLOW_DEFAULTS.followUpsRequired);
  }

  /** Follow-up visits since the outcome was last made known (a reopened case is visited afresh). */
  function followUpsDone(c: CaseRecord): number {
    return c.notifiedAt ? work.followUpsSince(c.id, c.notifiedAt) : 0;
  }

  function stateOf(c: CaseRecord): WorkflowState {
    return {
      status: c.status,
      handlerId: c.handlerId,
      paused: c.paused !== null,
      awaitingMaterials: c.materials !== null,
      proposal: c.proposal ? { kind: c.proposal.kind, by: c.proposal.by } : null,
      awaitingBusinessReply: work.businessReplyAwaited(c.id),
      unrecordedSessions: work.unrecordedSessions(c.id),
      referralReported: c.referral?.reply != null,
      followUps: followUpsDone(c),
      followUpsRequired: followUpsRequired(c),
    };
  }

  return { load, stateOf, followUpsRequired, followUpsDone, shapes: { refusal: refusalShape, outcome: outcomeShape } };
}
export type CaseRecords = ReturnType<typeof createCaseRecords>;
