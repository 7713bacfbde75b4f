/** Case events are written by the store, with what each change moves beside them (store/caseEvents.ts). */
export type { CaseEventInput } from '../../store/caseEvents';
import type { CaseStoreWrite } from '../../store';

/** What a feature needs to put a change of a case on its timeline. */
export interface CaseEvents {
  record: CaseStoreWrite['event'];
}
