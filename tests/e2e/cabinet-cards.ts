// Finding a review or question in a cabinet page as a person would: by its words.
import type { Page } from 'playwright-core';

/** The card that shows `words`: the smallest element around them holding an answer field. */
export const cardOf = (page: Page, words: string) =>
  page.getByText(words, { exact: true }).first().locator('xpath=ancestor::*[.//textarea or .//*[@contenteditable="true"]][1]');
export const fieldOf = (card: ReturnType<typeof cardOf>) => card.locator('xpath=(.//textarea | .//*[@contenteditable="true"])[1]');
/** The page's own character counter and publish button, beside the field. */
export const counterOf = (card: ReturnType<typeof cardOf>) => card.getByText(/^\d+ \/ \d+$/);
