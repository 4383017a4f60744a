import { describe, expect, test } from 'vitest';
import { ARTICLE_RE, BARE_ARTICLE_RE } from '../../utils/article';
import { ArticleIdSchema } from '../../utils/model';

describe('an article in the model and the protocol', () => {
  test.each([
    ['255012877', true], // WB nmId
    ['1649246352', true], // Ozon SKU
    ['1', true],
    ['999999999999999', true], // 15 digits: still a safe integer
    ['1000000000000000', false], // 16 digits
    ['', false],
    [' 255012877', false],
    ['255012877 ', false],
    ['-255012877', false],
    ['25501287.7', false],
    ['../../etc', false],
    ['２５５０１２８７７', false], // full-width digits are not digits here
  ])('%j → %s', (id, ok) => {
    expect(ARTICLE_RE.test(id)).toBe(ok);
    expect(ArticleIdSchema.safeParse(id).success).toBe(ok);
  });
});

describe('a bare article where one is expected (a tile attribute, what the user pasted)', () => {
  test.each([
    ['146972802', true],
    ['1649246352', true],
    ['98765432', true],
    ['1234', true],
    ['123', false], // too short to be taken for a product
    ['1234567890123456', false],
    ['c146972802', false],
    ['146972802/', false],
  ])('%j → %s', (text, ok) => {
    expect(BARE_ARTICLE_RE.test(text)).toBe(ok);
  });
});
