import { DomainError } from '../../../../shared/api/errors';
import type { UserView } from '../../../../shared/api/schemas/common';
import type { ParsedCaseAct } from '../../../../shared/api/schemas/workflow';
import type { CaseStatus } from '../../../../shared/domain/caseStatus';
import { mayAct, transitionOf, type CaseAction } from '../../../../shared/domain/workflow';
import type { Db } from '../../db/open';
import { caseWorkOf } from '../../store/caseWork';
import type { Audit } from '../audit';
import { loadCalendar } from '../calendar';
import type { CaseEvents } from '../cases/events';
import type { CatalogService } from '../catalog';
import type { Deadlines } from '../deadlines';
import type { RuleSets } from '../ruleSets';
import type { Settings } from '../settings';
import type { CaseRecords } from './caseState';
import { acceptanceSteps } from './steps/acceptance';
import { closingSteps } from './steps/closing';
import { caseWriter, type Step, type StepContext, type StepTable } from './steps/context';
import { decisionSteps } from './steps/decision';
import { investigationSteps } from './steps/investigation';
import { mediationSteps } from './steps/mediation';
import type { OfficeClock } from '../../officeClock';

const steps: StepTable<CaseAction> = { ...acceptanceSteps, ...investigationSteps, ...mediationSteps, ...decisionSteps, ...closingSteps };

export interface WorkflowDeps {
  db: Db;
  clock: OfficeClock;
  settings: Settings;
  audit: Audit;
  events: CaseEvents;
  deadlines: Deadlines;
  ruleSets: RuleSets;
  catalog: CatalogService;
  records: CaseRecords;
}

function failIfAny(found: Partial<Record<string, string>>): void {
  const fields = Object.fromEntries(Object.entries(found).filter((e): e is [string, string] => typeof e[1] === 'string'));
  const first = Object.values(fields)[0];
  if (first) throw new DomainError('VALIDATION', `输入有误：${first}`, fields);
}

/**
 * `cases.act`: one step of the workflow, all in one immediate transaction — the checks in the
 * order of ../shared/API.md (input 400, role 403, version 409 CONFLICT, status 409
 * INVALID_TRANSITION), then the step's writes, its deadlines, the timeline event (which moves the
 * version) and the audit row. Two people acting at once never both win: the second sees the new
 * version and is refused, having changed nothing.
 */
export function createWorkflow(deps: WorkflowDeps) {
  const { db, clock, audit, events, deadlines, ruleSets, catalog, records } = deps;

  return function act(input: ParsedCaseAct, user: UserView): { status: CaseStatus; version: number } {
    return db
      .transaction(() => {
        const c = records.load(input.id);
        const state = records.stateOf(c);
        const instant = clock.instant();
        const ctx: StepContext = {
          db,
          c,
          state,
          user,
          now: clock.iso(instant),
          iso: (d) => clock.iso(d),
          today: clock.dateOf(instant),
          rules: ruleSets.get(c.ruleSet),
          calendar: loadCalendar(db),
          deadlines,
          catalog,
          write: caseWriter(db, c.id),
        };
        // The union narrows each step to its own input; TypeScript cannot follow that through an index.
        const step = steps[input.action] as Step<CaseAction>;
        const stepInput = input as never;

        failIfAny(step.check?.(ctx, stepInput) ?? {});
        const denied = mayAct(state, user, input.action);
        if (denied) throw new DomainError(denied.code, denied.message);
        if (c.version !== input.version) {
          throw new DomainError('CONFLICT', `案件已被他人更新（您看到的是第 ${input.version} 版，现为第 ${c.version} 版），请刷新后再操作；本次未作任何改动`);
        }
        const move = transitionOf(state, input.action);
        if ('code' in move) throw new DomainError(move.code, move.message);

        const details = step.apply(ctx, stepInput);
        if (move.to !== c.status) caseWorkOf(db).setStatus(c.id, move.to);
        events.record({ caseId: c.id, at: ctx.now, userId: user.id, type: input.action, data: { from: c.status, to: move.to, ...details } });
        audit.append({ at: ctx.now, userId: user.id, action: 'cases.act', entity: 'case', entityId: c.id, data: { action: input.action, from: c.status, to: move.to } });
        return { status: move.to, version: c.version + 1 };
      })
      .immediate();
  };
}
export type Workflow = ReturnType<typeof createWorkflow>;
