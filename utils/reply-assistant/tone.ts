// The tone check before a reply is sent: no blaming, lecturing or rudeness, nothing the marketplace
// forbids (contacts, links, other shops), a way out offered on a review of 3★ or less (the rules:
// tone-rules.ts), not empty, within the marketplace's limit. It warns; it never blocks.
import { t } from '../content/i18n';
import { type Found, findToneProblems } from './tone-rules';

export type ToneIssue = Found | { kind: 'empty' } | { kind: 'too-long'; limit: number; length: number };
export type ToneKind = ToneIssue['kind'];

/**
 * Answer length limits. [U] Neither marketplace documents them where we could read; these are what
 * sellers report. The check warns, it never blocks.
 */
export const REPLY_LIMITS = { wb: 5000, ozon: 3000 } as const;

export function checkTone(reply: string, marketplace: keyof typeof REPLY_LIMITS, stars: number | null): ToneIssue[] {
  if (reply.replace(/[^\p{L}]/gu, '').length < 10) return [{ kind: 'empty' }];
  const issues: ToneIssue[] = findToneProblems(reply, marketplace, stars);
  const limit = REPLY_LIMITS[marketplace];
  if (reply.length > limit) issues.push({ kind: 'too-long', limit, length: reply.length });
  return issues;
}

/** The phrase a warning names ('' when it names none). */
export const issuePhrase = (issue: ToneIssue): string => ('phrase' in issue ? issue.phrase : '');

/** A character that never stands in a message: where the phrase goes, to split the text around it. */
const SLOT = '\u0000';

function message(issue: ToneIssue, phrase: string): string {
  switch (issue.kind) {
    case 'blame':
      return t('toneBlame', phrase);
    case 'lecture':
      return t('toneLecture', phrase);
    case 'rude':
      return t('toneRude', phrase);
    case 'rule-risk':
      return t('toneRuleRisk', phrase);
    case 'too-long':
      return t('toneTooLong', issue.limit);
    case 'empty':
      return t('toneEmpty');
    default:
      return issue.phrase ? t('toneRefusal', phrase) : t('toneNoWayOut');
  }
}

/** The tone issue as the seller reads it. */
export const describeToneIssue = (issue: ToneIssue): string => message(issue, issuePhrase(issue));

/**
 * The same text cut around its phrase, so that the phrase can be shown marked (as text, never as
 * markup): [before, phrase, after]; the phrase '' when the warning names none.
 */
export function toneIssueParts(issue: ToneIssue): [string, string, string] {
  const phrase = issuePhrase(issue);
  const text = message(issue, phrase ? SLOT : '');
  const at = phrase ? text.indexOf(SLOT) : -1;
  // Without the catalogue (outside the extension) the phrase is still shown.
  if (at < 0) return [text ? `${text} ` : '', phrase, ''];
  return [text.slice(0, at), phrase, text.slice(at + SLOT.length)];
}
