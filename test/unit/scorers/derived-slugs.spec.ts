import { SLUG_MAX_LENGTH, derivedSlug, slugify } from '../../../src/scorers/scorer-kinds';

describe('derived slugs', () => {
  it('are the base, then the base numbered from 2', () => {
    expect([1, 2, 3, 10].map((n) => derivedSlug('answer_relevance', n))).toEqual([
      'answer_relevance',
      'answer_relevance_2',
      'answer_relevance_3',
      'answer_relevance_10',
    ]);
  });

  it('cut the base so that base and suffix fit the slug limit, and stay distinct', () => {
    const base = slugify('Long name '.repeat(30));
    expect(base.length).toBeGreaterThan(SLUG_MAX_LENGTH);
    const slugs = Array.from({ length: 12_000 }, (_, i) => derivedSlug(base, i + 1));
    expect(Math.max(...slugs.map((slug) => slug.length))).toBe(SLUG_MAX_LENGTH);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs[0]).toBe(base.slice(0, SLUG_MAX_LENGTH));
    expect(slugs[11_999]).toBe(`${base.slice(0, SLUG_MAX_LENGTH - 6)}_12000`);
  });

  it('keep the whole base when it fits', () => {
    const base = 'a'.repeat(SLUG_MAX_LENGTH);
    expect(derivedSlug(base, 1)).toBe(base);
    expect(derivedSlug(base, 2)).toBe(`${'a'.repeat(SLUG_MAX_LENGTH - 2)}_2`);
    expect(derivedSlug('short', 99)).toBe('short_99');
  });
});
