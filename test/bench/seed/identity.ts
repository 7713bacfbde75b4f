import type { Random } from './random';

/**
 * Identity numbers that pass the register's own validators (../shared/domain.md "Validators"),
 * built the way the standards build them rather than guessed until one passes.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643 check character of the first 17 digits. */
export function residentIdCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

/**
 * 公民身份号码: 6-digit address code, birth date, 3-digit sequence (odd for men, even for women),
 * check character. `birth` is YYYY-MM-DD.
 */
export function residentId(addressCode: string, birth: string, sequence: number): string {
  const first17 = `${addressCode}${birth.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
  if (!/^\d{17}$/.test(first17)) throw new Error(`residentId: bad parts ${first17}`);
  return first17 + residentIdCheck(first17);
}

const USCC = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100-2015 check character of the first 17 characters. */
export function creditCodeCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC.indexOf(first17[i]!) * USCC_WEIGHTS[i]!;
  return USCC[(31 - (sum % 31)) % 31]!;
}

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const orgValue = (c: string) => (c >= '0' && c <= '9' ? Number(c) : c.charCodeAt(0) - 55);

/** GB 11714 check character of an 8-character organisation code body ('X' for 10, '0' for 11). */
export function orgCodeCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgValue(body[i]!) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** 登记管理部门 9 (工商) with 机构类别 1 企业, 2 个体工商户, 3 农民专业合作社. */
export type BusinessKind = '91' | '92' | '93';

/**
 * 统一社会信用代码: registration authority and kind, 6-digit division code, 9-character
 * organisation code (body + GB 11714 check; codes issued since 2015 mostly begin "MA"), and the
 * GB 32100 check character.
 */
export function creditCode(r: Random, kind: BusinessKind, divisionCode: string): string {
  // Letters that both alphabets share, so the organisation code stays inside the USCC alphabet.
  const letters = 'ABCDEFGHJKLMNPQRTUWY';
  const alnum = `0123456789${letters}`;
  const body = r.chance(0.6) ? `MA${Array.from({ length: 6 }, () => r.pick([...alnum])).join('')}` : r.digits(8);
  const first17 = `${kind}${divisionCode}${body}${orgCodeCheck(body)}`;
  return first17 + creditCodeCheck(first17);
}

/** Mobile prefixes in use (China Mobile, Unicom, Telecom, Broadnet), weighted roughly by subscribers. */
const MOBILE_PREFIXES: readonly [string, number][] = [
  ['139', 8], ['138', 8], ['137', 6], ['136', 6], ['135', 6], ['134', 4], ['150', 5], ['151', 5], ['152', 4], ['157', 3],
  ['158', 5], ['159', 5], ['178', 3], ['182', 4], ['183', 4], ['184', 2], ['187', 5], ['188', 5], ['198', 3], ['195', 1],
  ['130', 4], ['131', 4], ['132', 4], ['155', 3], ['156', 4], ['166', 3], ['175', 2], ['176', 3], ['185', 3], ['186', 5],
  ['133', 3], ['153', 3], ['173', 2], ['177', 2], ['180', 3], ['181', 3], ['189', 4], ['191', 2], ['199', 3], ['192', 1],
];
const mobileTotal = MOBILE_PREFIXES.reduce((s, [, w]) => s + w, 0);

export function mobilePhone(r: Random): string {
  let x = r.next() * mobileTotal;
  for (const [p, w] of MOBILE_PREFIXES) {
    x -= w;
    if (x < 0) return p + r.digits(8);
  }
  return MOBILE_PREFIXES[0]![0] + r.digits(8);
}

/** A Hangzhou landline (0571, 8 digits starting 8 or 5-6), sometimes with an extension. */
export function landline(r: Random): string {
  const number = `${r.pick(['8', '8', '8', '5', '6'])}${r.digits(7)}`;
  return r.chance(0.1) ? `0571-${number}-${r.int(100, 899)}` : `0571-${number}`;
}
