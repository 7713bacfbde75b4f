import { describe, expect, it } from 'vitest';
import { creditCodeProblem, normalisePhone, phoneProblem, residentIdProblem } from '../../shared/domain/validators';

// The check algorithms are written out here from domain.md "Validators", independently of the
// source, so valid numbers are computed by the test rather than copied from the code under test.

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643: appends the check character to 17 digits. */
function withIdCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return first17 + ID_CHECK[sum % 11]!;
}

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100-2015: appends the check character to 17 characters. */
function withCreditCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i]!) * USCC_WEIGHTS[i]!;
  return first17 + USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** Replaces the last character with a different one from `alphabet`. */
function wrongLast(code: string, alphabet: string): string {
  const last = code[17]!;
  const other = alphabet[(alphabet.indexOf(last) + 1) % alphabet.length]!;
  return code.slice(0, 17) + other;
}

const CHINESE = /[\u4e00-\u9fff]/;

describe('residentIdProblem (GB 11643)', () => {
  it('accepts the well-known example 11010519491231002X, whose check character the algorithm gives as X', () => {
    expect(withIdCheck('11010519491231002')).toBe('11010519491231002X');
    expect(residentIdProblem('11010519491231002X')).toBeNull();
  });

  it('accepts numbers whose check character is computed here', () => {
    for (const first17 of ['33010619900307123', '44030420001229001', '51010720040229876', '11010119000101000']) {
      const id = withIdCheck(first17);
      expect(residentIdProblem(id), id).toBeNull();
    }
  });

  it('accepts a lower-case x and surrounding blanks', () => {
    expect(residentIdProblem('11010519491231002x')).toBeNull();
    expect(residentIdProblem('  11010519491231002X ')).toBeNull();
  });

  it('rejects every wrong check character with a Chinese message about the check digit', () => {
    const valid = withIdCheck('33010619900307123');
    for (const c of ID_CHECK) {
      if (c === valid[17]) continue;
      const problem = residentIdProblem(valid.slice(0, 17) + c);
      expect(problem, c).toMatch(/校验/);
      expect(problem).toMatch(CHINESE);
    }
  });

  it('rejects a birth date that does not exist (2023-02-29), even with a correct check character', () => {
    const id = withIdCheck('33010620230229123');
    expect(residentIdProblem(id)).toMatch(/出生日期/);
    // 2024-02-29 is real, so the same number in a leap year passes.
    expect(residentIdProblem(withIdCheck('33010620240229123'))).toBeNull();
  });

  it('rejects a birth date later than the today it is given', () => {
    const id = withIdCheck('11010520261124002');
    expect(residentIdProblem(id, '2026-11-23')).toMatch(/晚于今天/);
    expect(residentIdProblem(id, '2026-11-24')).toBeNull();
    // Without a today (the form, before the core has answered) only the number itself is checked.
    expect(residentIdProblem(id)).toBeNull();
  });

  it('rejects month 13 and day 32', () => {
    expect(residentIdProblem(withIdCheck('33010619901301123'))).toMatch(/出生日期/);
    expect(residentIdProblem(withIdCheck('33010619900132123'))).toMatch(/出生日期/);
  });

  it('rejects 17 digits, 19 digits, an X in the middle and other letters, in Chinese', () => {
    for (const bad of ['11010519491231002', '11010519491231002X1', '1101051949123100X2', '11010519491231002Y', '']) {
      const problem = residentIdProblem(bad);
      expect(problem, bad).toMatch(/18位/);
      expect(problem).toMatch(CHINESE);
    }
  });
});

describe('creditCodeProblem (GB 32100-2015)', () => {
  it('accepts the real code 91350100M000100Y43, after the algorithm confirms its check character', () => {
    expect(withCreditCheck('91350100M000100Y4')).toBe('91350100M000100Y43');
    expect(creditCodeProblem('91350100M000100Y43')).toBeNull();
  });

  it('accepts codes whose check character is computed here', () => {
    for (const first17 of ['91330106MA27XL0Y2', '12100000400000624', '52110000500018432', 'Y1330100ABCDEFGHJ']) {
      const code = withCreditCheck(first17);
      expect(creditCodeProblem(code), code).toBeNull();
    }
  });

  it('accepts lower case and surrounding blanks', () => {
    const code = withCreditCheck('91330106MA27XL0Y2');
    expect(creditCodeProblem(` ${code.toLowerCase()} `)).toBeNull();
  });

  it('rejects a wrong check character with a Chinese message about the check character', () => {
    const code = withCreditCheck('91330106MA27XL0Y2');
    expect(creditCodeProblem(wrongLast(code, USCC_ALPHABET))).toMatch(/校验位/);
    expect(creditCodeProblem(wrongLast('91350100M000100Y43', USCC_ALPHABET))).toMatch(/校验位/);
  });

  it('rejects the letters I, O, Z, S and V anywhere', () => {
    const valid = withCreditCheck('91330106MA27XL0Y2');
    for (const letter of ['I', 'O', 'Z', 'S', 'V']) {
      const inBody = valid.slice(0, 9) + letter + valid.slice(10);
      const asCheck = valid.slice(0, 17) + letter;
      expect(creditCodeProblem(inBody), inBody).toMatch(/不含I、O、Z、S、V/);
      expect(creditCodeProblem(asCheck), asCheck).toMatch(/不含I、O、Z、S、V/);
    }
  });

  it('rejects the wrong length and punctuation, in Chinese', () => {
    for (const bad of ['91350100M000100Y4', '91350100M000100Y433', '91350100-000100Y43', '']) {
      const problem = creditCodeProblem(bad);
      expect(problem, bad).toMatch(/18位/);
      expect(problem).toMatch(CHINESE);
    }
  });
});

describe('phoneProblem', () => {
  it.each([
    ['13812345678', 'mobile'],
    ['19912345678', 'mobile, 19x'],
    ['+86 138 1234 5678', 'mobile with country code and spaces'],
    ['+8613812345678', 'mobile with country code'],
    ['0571-87654321', 'landline with area code'],
    ['057187654321', 'landline without the dash'],
    ['0571-87654321-123', 'landline with extension'],
    ['010-62345678', 'Beijing, three-digit area code'],
    ['0571-8765432', 'seven-digit local number'],
    ['87654321', 'local number without area code'],
    ['400-123-4567', 'service number'],
    ['4001234567', 'service number without dashes'],
    ['800-123-4567', '800 service number'],
  ])('accepts %s (%s)', (phone) => {
    expect(phoneProblem(phone)).toBeNull();
  });

  it.each([
    ['12812345678', 'mobile prefix 12 does not exist'],
    ['1381234567', 'ten-digit mobile'],
    ['138123456789', 'twelve-digit mobile'],
    ['abc', 'letters'],
    ['', 'empty'],
    ['0571-07654321', 'local number starting with 0'],
    ['0571-87654321-', 'dangling extension dash'],
  ])('rejects %s (%s) with a Chinese message', (phone) => {
    const problem = phoneProblem(phone);
    expect(problem).toMatch(/电话号码格式不正确/);
    expect(problem).toMatch(CHINESE);
  });

  // A local eight-digit number may begin with 86 (e.g. 8675xxxx); only a +86 / 86 country code in
  // front of a full national number should be stripped.
  it('accepts a local number that happens to begin with 86 and keeps it whole', () => {
    expect(phoneProblem('86754321')).toBeNull();
    expect(normalisePhone('86754321')).toBe('86754321');
  });
});

describe('normalisePhone', () => {
  it('removes blanks and the +86 country code so searches match however a number was typed', () => {
    expect(normalisePhone(' +86 138 1234 5678 ')).toBe('13812345678');
    expect(normalisePhone('+86-13812345678')).toBe('13812345678');
    expect(normalisePhone('0571 8765 4321')).toBe('057187654321');
  });

  it('turns an international or bracketed landline into the national form', () => {
    expect(normalisePhone('+86 571 8765 4321')).toBe('057187654321');
    expect(normalisePhone('0086-571-87654321')).toBe('0571-87654321');
    expect(normalisePhone('(0571)87654321')).toBe('0571-87654321');
    expect(phoneProblem('+86 571 8765 4321')).toBeNull();
    expect(phoneProblem('(0571) 8765 4321')).toBeNull();
  });

  it('leaves the dashes of a landline and its extension alone', () => {
    expect(normalisePhone('0571-87654321-123')).toBe('0571-87654321-123');
  });
});
