// The popup's complaint digests: each own item with its top three topics, drawn by the same plain-DOM
// list as the panel's section (hosted through DomPart), with their counts and changes.
import { cleanup, render, waitFor } from '@testing-library/react';
import type { ComponentType } from 'react';
import { afterEach, expect, test, vi } from 'vitest';
import type { PopupPartProps } from '../../components/parts';
import type { ReplyOf } from '../../utils/messages';

type Digests = ReplyOf<'getComplaintDigests'>;
let reply: Digests;
vi.mock('../../utils/messaging', () => ({
  ask: async (name: string) => {
    if (name === 'getComplaintDigests') return reply;
    throw new Error(`unexpected ${name}`);
  },
}));
const { complaintsPopup } = await import('../../components/complaints/popup');

afterEach(cleanup);

const NOW = Date.now();
const item = (productId: string, recent: number, topics: Digests['items'][number]['topics']): Digests['items'][number] => ({
  marketplace: 'wb',
  productId,
  name: `Футболка ${productId}`,
  at: NOW,
  recent,
  previous: 2,
  topics,
});
const topicsOf = (productId: string) =>
  [...document.querySelectorAll(`[data-lupa="complaint-item"][data-product="${productId}"] [data-lupa="complaint-topic"]`)].map((el) => [
    el.getAttribute('data-topic'),
    el.getAttribute('data-value'),
    el.getAttribute('data-change'),
    el.querySelector('span')?.textContent,
  ]);

test('each own item shows its top three topics with their counts and changes', async () => {
  reply = {
    items: [
      item('146972802', 6, [
        { topic: 'size', count: 3, previous: 1 },
        { topic: 'defect', count: 1, previous: 2 },
        { topic: 'smell', count: 1, previous: 1 },
        { topic: 'other', count: 1, previous: 0 },
      ]),
      item('255012877', 1, [{ topic: 'delivery', count: 1, previous: 0 }]),
    ],
    total: 2,
  };
  const Section = complaintsPopup.Section as ComponentType<PopupPartProps>;
  render(<Section generation={0} reload={() => {}} failed={() => {}} />);
  await waitFor(() => expect(topicsOf('146972802')).toHaveLength(3));
  expect(topicsOf('146972802')).toEqual([
    ['size', '3', '2', '(+2)'],
    ['defect', '1', '-1', '(−1)'],
    ['smell', '1', '0', '(0)'],
  ]);
  expect(topicsOf('255012877')).toEqual([['delivery', '1', '1', '(+1)']]);
});
