/**
 * Identity and contact validators, per ../shared/domain.md "Validators" [S].
 * Pure functions returning null when valid or a Chinese message saying what is wrong.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

function isRealDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/**
 * 公民身份号码, GB 11643: 17 digits + check character; the birth date must be real, and when
 * `today` is given (the core's office date) not later than today.
 */
export function residentIdProblem(raw: string, today?: string): string | null {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号码应为18位：17位数字加1位校验码（数字或X）';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (y < 1900 || !isRealDate(y, m, d)) return '身份证号码中的出生日期不是有效日期，请核对';
  if (today && id.slice(6, 14) > today.replace(/-/g, '')) return '身份证号码中的出生日期晚于今天，请核对';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i]!;
  if (ID_CHECK[sum % 11] !== id[17]) return '身份证号码校验位不正确，请逐位核对';
  return null;
}

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** 统一社会信用代码, GB 32100-2015: 18 characters, weighted mod-31 check character. */
export function creditCodeProblem(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  if (code.length !== 18 || [...code].some((c) => !USCC_ALPHABET.includes(c))) {
    return '统一社会信用代码应为18位，由数字和大写字母组成（不含I、O、Z、S、V）';
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(code[i]!) * USCC_WEIGHTS[i]!;
  if (USCC_ALPHABET[(31 - (sum % 31)) % 31] !== code[17]) return '统一社会信用代码校验位不正确，请逐位核对';
  return null;
}

/** Mobile `^1[3-9]\d{9}$` [L]; landlines 区号-号码 with an optional extension stay valid too. */
const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^(0\d{2,3}-?)?[2-9]\d{6,7}(-\d{1,6})?$/;
const SERVICE_NUMBER = /^(400|800)-?\d{3}-?\d{4}$/;

export function phoneProblem(raw: string): string | null {
  const p = normalisePhone(raw);
  if (MOBILE.test(p) || LANDLINE.test(p) || SERVICE_NUMBER.test(p)) return null;
  return '电话号码格式不正确：手机为11位（如13812345678），固话为区号-号码（如0571-87654321，分机可加-分机号）';
}

/**
 * Normalises a phone number the way it is stored, so searches match however it was typed:
 * spaces and brackets go, an international prefix (+86, 0086) goes and a landline gets its
 * trunk 0 back. A bare leading 86 is kept, since local numbers may start with it.
 */
export function normalisePhone(raw: string): string {
  let p = raw.trim().replace(/\s+/g, '').replace(/^\((0\d{2,3})\)-?/, '$1-');
  const international = /^(\+86|0086)-?/.exec(p);
  if (international) {
    p = p.slice(international[0].length);
    if (!p.startsWith('1') && !p.startsWith('0')) p = `0${p}`;
  }
  return p;
}
