import { describe, expect, it } from 'vitest';
import { joinTokens, tokensOf } from '../../electron/core/store/searchTokens';

describe('search tokens', () => {
  it('gives a case’s text tokenised in two parts (its facts kept, its notes new) exactly as in one', () => {
    // Empty, punctuation only, full-width digits, ASCII runs, characters beyond the BMP, one letter.
    const samples = ['', '商家拒绝退款，甲醛超标', 'abc-123 TS2026-00042', '！！', '１３８ 0012', '𠀀𠀁字', '  ', 'x'];
    for (const a of samples) for (const b of samples) for (const c of samples) for (const d of samples) {
      expect(joinTokens(tokensOf([a, b]), tokensOf([c, d]))).toBe(tokensOf([a, b, c, d]));
    }
  });

  it('makes a gram at every character: pairs for Chinese, four for letters and digits, the last ones shorter', () => {
    expect(tokensOf(['退款𠀀'])).toBe('退款 款𠀀 𠀀');
    expect(tokensOf(['AB12x'])).toBe('ab12 b12x 12x 2x x');
    expect(tokensOf(['退款', 'ab'])).toBe('退款 款 zzzzz ab b');
  });
});
