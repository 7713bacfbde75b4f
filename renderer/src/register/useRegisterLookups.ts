import { useEffect, useState } from 'react';
import type { InputOf, OutputOf } from '../../../shared/api/contract';
import { phoneProblem, residentIdProblem } from '../../../shared/domain/validators';
import { useApi } from '../api/ApiContext';
import { useDebouncedValue } from '../common/useDebouncedValue';

export type ReturningPerson = OutputOf<'complainants.lookup'>['people'][number];
export type RepeatsAnswer = OutputOf<'cases.repeats'>;

const DELAY = 300;

/** A phone worth asking about: one the register would take (shared validators), else nothing. */
const usablePhone = (phone: string) => (phone.trim() !== '' && !phoneProblem(phone) ? phone.trim() : undefined);
/** An ID number worth asking about: a whole 居民身份证 number, or any other document's number as typed. */
const usableId = (idType = 'resident', idNumber = '') => {
  const v = idNumber.trim();
  if (v.length < 5) return undefined;
  return idType === 'resident' && residentIdProblem(v) ? undefined : v;
};

/** Fetches `op` with `input` (a JSON key) a moment after the clerk stops typing; stale answers are dropped. */
function useDebouncedCall<K extends 'complainants.lookup' | 'cases.repeats'>(op: K, input: InputOf<K> | null): { key: string; value: OutputOf<K> } | null {
  const api = useApi();
  const key = useDebouncedValue(input ? JSON.stringify(input) : '', DELAY);
  const [answer, setAnswer] = useState<{ key: string; value: OutputOf<K> } | null>(null);
  useEffect(() => {
    if (key === '') return;
    let current = true;
    void api.call(op, JSON.parse(key) as InputOf<K>).then((r) => {
      if (current && r.ok) setAnswer({ key, value: r.value as OutputOf<K> });
    });
    return () => {
      current = false;
    };
  }, [api, op, key]);
  return answer && input && answer.key === JSON.stringify(input) ? answer : null;
}

/** 回头投诉人: the people on the register under the phone or ID number typed. */
export function useReturningComplainant(c: { phone: string; idType?: string; idNumber?: string }): ReturningPerson[] {
  const phone = usablePhone(c.phone);
  const idNumber = usableId(c.idType, c.idNumber);
  const input = phone || idNumber ? { ...(phone ? { phone } : {}), ...(idNumber ? { idNumber } : {}) } : null;
  return useDebouncedCall('complainants.lookup', input)?.value.people ?? [];
}

/** 重复投诉: earlier complaints of this person against this business within the office's window (the core decides both). */
export function useRepeats(
  c: { phone: string; idType?: string; idNumber?: string },
  r: { id: number | null; name: string; creditCode: string },
  receivedAt: string,
): RepeatsAnswer | null {
  const phone = usablePhone(c.phone);
  const idNumber = usableId(c.idType, c.idNumber);
  const name = r.name.trim();
  const respondent = r.id !== null ? { id: r.id } : name ? { name, ...(r.creditCode.trim() ? { creditCode: r.creditCode.trim() } : {}) } : null;
  // The receipt time as the picker gives it (ISO with offset), else now on the core's clock.
  const at = /^\d{4}-\d{2}-\d{2}T/.test(receivedAt) ? { receivedAt } : {};
  const input = phone && respondent ? { complainant: { phone, ...(idNumber ? { idNumber } : {}) }, respondent, ...at } : null;
  return useDebouncedCall('cases.repeats', input)?.value ?? null;
}
