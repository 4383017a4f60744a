// What waits for an answer in the seller cabinets, as items of the popup's "today" list: each
// count opens its cabinet page. WB's from its seller API (token), Ozon's as read off its cabinet.
import { type MessageKey, t } from '../../utils/i18n';
import type { ReplyOf } from '../../utils/messages';
import type { PopupPart, PopupPartProps } from '../parts';
import { useAnswer } from '../use-answer';

type Counts = ReplyOf<'getUnanswered'>;

const WB_CABINET = 'https://seller.wildberries.ru/feedbacks-questions';
const OZON_CABINET = 'https://seller.ozon.ru/app/reviews';

type Unanswered = { kind: string; count: (data: Counts) => number | null | undefined; href: string; text: MessageKey };
const UNANSWERED: readonly Unanswered[] = [
  { kind: 'unanswered-reviews', count: (d) => d.wb?.reviews, href: `${WB_CABINET}/feedbacks`, text: 'unansweredReviews' },
  { kind: 'unanswered-questions', count: (d) => d.wb?.questions, href: `${WB_CABINET}/questions`, text: 'unansweredQuestions' },
  { kind: 'ozon-unanswered-reviews', count: (d) => d.ozon?.reviews, href: OZON_CABINET, text: 'unansweredOzonReviews' },
  {
    kind: 'ozon-unanswered-questions',
    count: (d) => d.ozon?.questions,
    href: `${OZON_CABINET}/questions`,
    text: 'unansweredOzonQuestions',
  },
];

function UnansweredTasks({ failed }: PopupPartProps) {
  const data = useAnswer('getUnanswered', {}, failed);
  if (!data) return <li hidden />;
  return (
    <>
      {UNANSWERED.map((u) => {
        const n = u.count(data) ?? 0;
        return n > 0 ? (
          <li key={u.kind} data-lupa="task" data-kind={u.kind} data-value={n}>
            <a href={u.href} target="_blank" rel="noreferrer">
              {t(u.text, n)}
            </a>
          </li>
        ) : null;
      })}
    </>
  );
}

export const unansweredPopup: PopupPart = { name: 'unanswered', Tasks: UnansweredTasks };
