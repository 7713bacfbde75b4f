import type { z } from 'zod';
import { DomainError } from '../../../../shared/api/errors';
import type { casesRepeats, complainantsLookup, RepeatLink } from '../../../../shared/api/schemas/repeats';
import { normalisePhone } from '../../../../shared/domain/validators';
import type { OfficeClock } from '../../officeClock';
import type { CaseStoreRead, CaseStoreWrite } from '../../store';
import type { CaseEventRow } from '../../store/caseEvents';
import type { Respondents } from '../respondents';
import { checkReceivedAt } from './intakeChecks';

/** The case event that links a case and the earlier complaint it repeats; written on both cases. */
export const LINKED_REPEAT = 'linkedRepeat';

export interface RepeatDeps {
  clock: OfficeClock;
  store: { read: Pick<CaseStoreRead, 'repeats' | 'isRepeatOf' | 'complainants' | 'head'>; write: Pick<CaseStoreWrite, 'event'> };
  respondents: Pick<Respondents, 'find' | 'get'>;
  /** The office's window in days (API.md `cases.repeats`: "set by the office (default 90)"); the statistics read the same setting. */
  windowDays: () => number;
}

/** How a phone and an ID number are stored at registration, so a look-up finds them however typed. */
const storedPhone = (phone: string) => normalisePhone(phone);
const storedId = (idNumber: string | undefined) => (idNumber ? idNumber.toUpperCase() : null);

/**
 * 重复投诉 and 回头投诉人 (issue [B]): what the counter learns from the register about the person in
 * front of it before it saves, and the link a clerk makes between a new complaint and the one it repeats.
 */
export function createRepeats({ clock, store, respondents, windowDays }: RepeatDeps) {
  return {
    /** API.md `cases.repeats`. A business not yet on the register has no earlier complaints. */
    find(input: z.output<typeof casesRepeats.input>) {
      const days = windowDays();
      const respondent = 'id' in input.respondent ? { id: input.respondent.id } : respondents.find(input.respondent);
      if (!respondent) return { windowDays: days, rows: [] };
      // The same bounds as the registration it warns for: a receipt time after now (year 9999 once
      // reached the date arithmetic and failed as a 500) is the clerk's slip, said in Chinese.
      const received = input.receivedAt ? new Date(input.receivedAt) : clock.instant();
      checkReceivedAt(received, clock.instant());
      const on = clock.dateOf(received);
      const rows = store.read.repeats({
        phone: storedPhone(input.complainant.phone),
        idNumber: storedId(input.complainant.idNumber),
        respondentId: respondent.id,
        on,
        windowDays: days,
      });
      return { windowDays: days, rows };
    },

    lookup(input: z.output<typeof complainantsLookup.input>) {
      return { people: store.read.complainants({ phone: input.phone && storedPhone(input.phone), idNumber: storedId(input.idNumber) ?? undefined }) };
    },

    /**
     * `cases.register`'s `repeatOf`, checked inside the registration's transaction before anything
     * is written: the earlier case exists, is not voided, and really is a repeat by the one rule
     * (the same person against the same business within the window), else 400 in Chinese.
     */
    checkRepeatOf(repeatOf: number, c: { phone: string; idNumber: string | null; respondentId: number | null; receivedOn: string }): { id: number; caseNo: string } {
      const earlier = store.read.head(repeatOf);
      const refuse = (why: string): never => {
        throw new DomainError('VALIDATION', `无法关联为重复投诉：${why}`, { repeatOf: why });
      };
      if (!earlier) return refuse(`没有编号为 ${repeatOf} 的案件`);
      if (earlier.status === 'voided') return refuse(`案件 ${earlier.caseNo} 已作废`);
      const days = windowDays();
      const isRepeat =
        c.respondentId !== null &&
        store.read.isRepeatOf({ phone: storedPhone(c.phone), idNumber: c.idNumber, respondentId: c.respondentId, on: c.receivedOn, windowDays: days }, earlier.id);
      if (!isRepeat) return refuse(`案件 ${earlier.caseNo} 不是同一投诉人（证件号码或电话相同）${days} 天内对同一经营者的投诉`);
      return { id: earlier.id, caseNo: earlier.caseNo };
    },

    /** Records the link on both cases, in the registration's transaction (the store's one write path). */
    link(newCase: { id: number; caseNo: string }, earlier: { id: number; caseNo: string }, at: string, userId: number): void {
      store.write.event({ caseId: newCase.id, at, userId, type: LINKED_REPEAT, data: { role: 'repeatOf', otherCaseId: earlier.id, caseNo: earlier.caseNo } });
      store.write.event({ caseId: earlier.id, at, userId, type: LINKED_REPEAT, data: { role: 'repeatedBy', otherCaseId: newCase.id, caseNo: newCase.caseNo } });
    },
  };
}
export type Repeats = ReturnType<typeof createRepeats>;

/** The links of a case, from its timeline (both sides keep a `linkedRepeat` event). */
export function repeatLinksOf(events: CaseEventRow[]): RepeatLink[] {
  const links: RepeatLink[] = [];
  for (const e of events) {
    if (e.type !== LINKED_REPEAT) continue;
    const { role, otherCaseId, caseNo } = e.data;
    if ((role === 'repeatOf' || role === 'repeatedBy') && typeof otherCaseId === 'number' && typeof caseNo === 'string') links.push({ role, caseId: otherCaseId, caseNo });
  }
  return links;
}
