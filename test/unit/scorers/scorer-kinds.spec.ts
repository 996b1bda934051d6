import { evaluatorTypeFor, outputTypeFor, scoreValueTypeFor, scorerTypeFor, slugify } from '../../../src/scorers/scorer-kinds';

describe('scorer kinds', () => {
  it('maps value types to output types as contract §1 says', () => {
    expect(outputTypeFor('numerical')).toBe('discrete');
    expect(outputTypeFor('percentage')).toBe('percentage');
    expect(outputTypeFor('boolean')).toBe('boolean');
    expect(outputTypeFor('single_select')).toBe('categorical');
    expect(outputTypeFor('categorical')).toBe('categorical');
    expect(outputTypeFor('multi_select')).toBe('multilabel');
    expect(outputTypeFor('text')).toBe('freeform');
    expect(outputTypeFor('comment')).toBe('freeform');
    expect(outputTypeFor('json')).toBeNull();
  });

  it('maps output types back', () => {
    expect(scoreValueTypeFor('discrete')).toBe('numerical');
    expect(scoreValueTypeFor('count')).toBe('numerical');
    expect(scoreValueTypeFor('multilabel')).toBe('multi_select');
    expect(scoreValueTypeFor('freeform')).toBe('text');
    expect(scoreValueTypeFor('retrieved_chunk_list_boolean')).toBeNull();
    expect(scoreValueTypeFor(null)).toBeNull();
  });

  it('maps execution types between dialects', () => {
    expect(scorerTypeFor('human')).toBe('code');
    expect(scorerTypeFor('llm')).toBe('llm');
    expect(evaluatorTypeFor('luna')).toBe('llm');
    expect(evaluatorTypeFor('code')).toBe('code');
  });

  it('slugifies names', () => {
    expect(slugify('Answer Relevance (v2)')).toBe('answer_relevance_v2');
    expect(slugify('Café — naïve')).toBe('cafe_naive');
    expect(slugify('!!!')).toBe('scorer');
  });
});
