/** Words for the codes the workflow records, where the shared tables do not already give them (shared/domain/caseHistory.ts). */
export { labelOf, satisfactionLabel } from '../../../../shared/domain/caseHistory';
