import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { joinTokens, keysOfFields, matchExpression, textCount, tokensOf } from '../../electron/core/store/searchTokens';

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
  });

  it('puts each run’s boundary before it within a field, no separator: the character before and its first, and before a run of letters or digits its first two', () => {
    expect(tokensOf(['退款，ab'])).toBe('退款 款 \uE001款a \uE002款ab ab b');
    expect(tokensOf(['TS2025-7', '商家，退款'])).toBe('ts20 s202 2025 025 25 5 \uE00157 7 商家 家 \uE001家退 退款 款');
    // The character before, beyond the BMP: both halves.
    expect(tokensOf(['字𠀀，字'])).toBe('字𠀀 𠀀 \uE001𠀀字 字');
    // A field's first run has none, so no phrase of several runs reaches from one field into the next.
    expect(tokensOf(['退款', 'ab'])).toBe('退款 款 ab b');
    expect(tokensOf(['𠀀字'])).toBe('𠀀字 字');
    // Letters and digits against Chinese without a space are a run of their own.
    expect(tokensOf(['花了1999元'])).toBe('花了 了 \uE001了1 \uE002了19 \uE003了199 1999 999 99 9 \uE0019元 元');
    // Before a run of three letters or digits or more, its first three too (migration 0049).
    expect(tokensOf(['TS2025-301'])).toBe('ts20 s202 2025 025 25 5 \uE00153 \uE002530 \uE0035301 301 01 1');
  });

  it('finds a word of several runs by whole tokens, a short last run by its boundary, not by a prefix', () => {
    expect(matchExpression('TS2025-1').expr).toBe('("ts20 s202 2025 025 25 5 \uE00151")');
    expect(matchExpression('2025-10').expr).toBe('("2025 025 25 5 \uE00151 \uE002510")');
    // Three digits after the dash: the boundary's token of them, not a prefix FTS5 merges whole
    // (tokens beginning 301 are in most ID numbers of 杭州: 330106…).
    expect(matchExpression('2025-301').expr).toBe('("2025 025 25 5 \uE00153 \uE002530 \uE0035301")');
    expect(matchExpression('2025-1082').expr).toBe('("2025 025 25 5 \uE00151 \uE002510 \uE0035108 1082")');
    expect(matchExpression('退款，商').expr).toBe('("退款 款 \uE001款商")');
    // While older cases are indexed by older rules (before 0032, before 0031), every way.
    expect(matchExpression('退款，商', false).expr).toBe('("退款 款 \uE001款商" OR "退款 款 \uE001商" OR "退款 款 zzzzz 商"*)');
    expect(matchExpression('2025-301', false).expr).toBe(
      '("2025 025 25 5 \uE00153 \uE002530 \uE0035301" OR "2025 025 25 5 \uE00153 \uE002530 301"* OR "2025 025 25 5 \uE0013 \uE00230 301"* OR "2025 025 25 5 zzzzz 301"*)',
    );
    expect(matchExpression('退款', false).expr).toBe('("退款")');
  });

  it('keys the short fields once each: every Chinese character, every one and two letters or digits', () => {
    const keys = keysOfFields(['王小王', '138-1381', null, 'ab']).split(' ');
    expect(keys.map((k) => k.slice(0, -1))).toEqual(['王', '小', '1', '13', '3', '38', '8', '81', 'a', 'ab', 'b']);
    // The mark is a private-use character: no text or typed word is made of it.
    expect(keys.every((k) => k.at(-1) === '\uE000')).toBe(true);
    expect(tokensOf(['\uE000'])).toBe('');
    expect(matchExpression('\uE000').expr).toBeNull();
  });

  it('looks for one character, or one or two letters or digits, in the short fields by its key, or by prefix until every case has keys', () => {
    expect(matchExpression('王').expr).toBe('({short} : "王\uE000")');
    expect(matchExpression('王', false).expr).toBe('({short} : "王"*)');
    expect(matchExpression('１３').expr).toBe('({short} : "13\uE000")');
    expect(matchExpression('13', false).expr).toBe('({short} : "13"*)');
    // Longer: tokens (or their prefix) in either column, as before.
    // Three letters or digits: the 37 tokens that begin with them, named (walked newest first), not a prefix.
    const beginning = matchExpression('138').expr!;
    expect(beginning.startsWith('("138" OR "1380" OR "1381" OR')).toBe(true);
    expect(beginning.endsWith('OR "138y" OR "138z")')).toBe(true);
    expect(beginning.split(' OR ')).toHaveLength(37);
    expect(matchExpression('ＡＢＣ', false).expr).toBe(beginning.replaceAll('138', 'abc'));
    expect(matchExpression('王五 退款').expr).toBe('("王五") AND ("退款")');
  });
});

describe('a text count in the token indexes', () => {
  it('leaves the voided out by the voided cases’ own index, exactly below the cap and as "past it" above', () => {
    const db = new Database(':memory:');
    for (const table of ['case_index', 'case_index_voided']) db.exec(`CREATE VIRTUAL TABLE ${table} USING fts5(short, long, tokenize = 'unicode61', content = '', contentless_delete = 1)`);
    const put = (table: string, id: number, words: string) => db.prepare(`INSERT INTO ${table} (rowid, short, long) VALUES (?, ?, '')`).run(id, words);
    // 30 cases say 退款, 3 of them voided; 4 say 甲醛, 3 of them voided.
    for (let id = 1; id <= 30; id++) put('case_index', id, id <= 4 ? '退款 甲醛' : '退款');
    for (const id of [1, 2, 3]) put('case_index_voided', id, '退款 甲醛');
    const count = (match: string, voided: boolean | 'any', cap: number) => {
      const c = textCount(match, voided, cap);
      return db.prepare(c.sql).pluck().get(...c.params);
    };
    expect(count('"甲醛"', false, 5)).toBe(1);
    expect(count('"甲醛"', true, 5)).toBe(3);
    expect(count('"甲醛"', 'any', 5)).toBe(4);
    expect(count('"退款"', false, 100)).toBe(27);
    // Past the cap of 5: one past it, though 3 of the first 6 matches read were voided.
    expect(count('"退款"', false, 5)).toBe(6);
    expect(count('"退款"', false, 26)).toBe(27);
    expect(count('"退款"', false, 27)).toBe(27);
    expect(count('"退款"', 'any', 5)).toBe(6);
    db.close();
  });
});
