import { describe, expect, it } from 'vitest';
import { categoryMatches, matchingWord, rankCategories, splitWords } from '../../shared/domain/catalogLists';

const appliances = { name: '家用电子电器', words: ['手机', '电视', 'iPad'] };
const courier = { name: '邮政业', words: ['快递'] };

describe('categoryMatches (the registration form finds a category by an everyday word)', () => {
  it('finds a category by its name or by one of its words', () => {
    expect(categoryMatches(appliances, '家用')).toBe(true);
    expect(categoryMatches(appliances, '手机')).toBe(true);
    expect(categoryMatches(appliances, '手')).toBe(true);
    expect(categoryMatches(appliances, 'ipad')).toBe(true);
    expect(categoryMatches(courier, '手机')).toBe(false);
  });

  it('finds it when the clerk types a phrase holding a word, and offers everything for nothing typed', () => {
    expect(categoryMatches(appliances, '买的手机坏了')).toBe(true);
    expect(categoryMatches(courier, '快递丢件')).toBe(true);
    expect(categoryMatches(courier, '  ')).toBe(true);
    expect(categoryMatches({ name: '旅游' }, '手机')).toBe(false);
  });
});

describe('rankCategories (the best match first, so Enter takes it)', () => {
  const clothes = { name: '服装鞋帽', words: ['鞋', '包'] };
  const post = { name: '邮政业', words: ['快递', '包裹'] };
  it('puts a name before a word, and a longer word the text holds before a shorter one', () => {
    expect(rankCategories([clothes, post], '包裹').map((c) => c.name)).toEqual(['邮政业', '服装鞋帽']);
    expect(rankCategories([clothes, post, appliances], '包裹破损').map((c) => c.name)).toEqual(['邮政业', '服装鞋帽']);
    expect(rankCategories([post, { name: '手机维修', words: [] }, appliances], '手机').map((c) => c.name)).toEqual(['手机维修', '家用电子电器']);
    expect(rankCategories([clothes, post], '').map((c) => c.name)).toEqual(['服装鞋帽', '邮政业']);
  });
  it('names the word that matched, none when the name did', () => {
    expect(matchingWord(post, '包裹破损')).toBe('包裹');
    expect(matchingWord(appliances, '家用')).toBeUndefined();
    expect(matchingWord(appliances, '手机')).toBe('手机');
  });
});

describe('splitWords', () => {
  it('splits on spaces and Chinese or Latin punctuation, trims, and keeps each word once in order', () => {
    expect(splitWords(' 手机 电脑、平板，耳机,手机；相机 ')).toEqual(['手机', '电脑', '平板', '耳机', '相机']);
    expect(splitWords('  ')).toEqual([]);
  });
});
