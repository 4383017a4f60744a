// The tone check before a reply is sent: no blaming or lecturing the buyer, a way out offered
// (exchange, return, advice, contact) on negative reviews, not empty, within the marketplace's limit.
import { t } from '../content/i18n';

export type ToneIssue =
  | { kind: 'blame'; phrase: string }
  | { kind: 'lecture'; phrase: string }
  | { kind: 'no-way-out' }
  | { kind: 'empty' }
  | { kind: 'too-long'; limit: number; length: number };

/**
 * Answer length limits. [U] Neither marketplace documents them where we could read; these are what
 * sellers report. The check warns, it never blocks.
 */
export const REPLY_LIMITS = { wb: 5000, ozon: 3000 } as const;

const BLAME = [
  /вы сами/,
  /сами виноват/,
  /ваша вина/,
  /по вашей вине/,
  /вы неправильно/,
  /вы не(внимательно| так| правильно)/,
  /не наша (проблема|вина)/,
  /это ваши проблемы/,
  /надо было/,
  /нужно было (читать|смотреть|выбирать)/,
  /вы ошиблись/,
  /претензии не принима/,
];
const LECTURE = [
  /читайте (описание|внимательн)/,
  /(будьте|быть) внимательн/,
  /прежде чем (писать|ставить)/,
  /учитесь/,
  /вам следовало/,
  /не стоило заказывать/,
];
const WAY_OUT = /возврат|вернуть|обмен|замен|напишите|свяжитесь|поможем|подскаж|подбер|компенс|вернём|вернутся|разбер/;

export function checkTone(reply: string, marketplace: keyof typeof REPLY_LIMITS, stars: number | null): ToneIssue[] {
  const text = reply.toLowerCase().replace(/ё/g, 'е');
  const issues: ToneIssue[] = [];
  if (text.replace(/[^\p{L}]/gu, '').length < 10) return [{ kind: 'empty' }];
  for (const re of BLAME) {
    const m = re.exec(text);
    if (m) issues.push({ kind: 'blame', phrase: m[0] });
  }
  for (const re of LECTURE) {
    const m = re.exec(text);
    if (m) issues.push({ kind: 'lecture', phrase: m[0] });
  }
  if (stars !== null && stars <= 3 && !WAY_OUT.test(text)) issues.push({ kind: 'no-way-out' });
  const limit = REPLY_LIMITS[marketplace];
  if (reply.length > limit) issues.push({ kind: 'too-long', limit, length: reply.length });
  return issues;
}

/** The tone issue as the seller reads it. */
export function describeToneIssue(issue: ToneIssue): string {
  switch (issue.kind) {
    case 'blame':
      return t('toneBlame', issue.phrase);
    case 'lecture':
      return t('toneLecture', issue.phrase);
    case 'too-long':
      return t('toneTooLong', issue.limit);
    case 'empty':
      return t('toneEmpty');
    default:
      return t('toneNoWayOut');
  }
}
