// The complaint digest's panel section: nothing for another seller's item, the topics with their
// change for an own one, a calm line when there are no complaints, and a stored digest kept with the
// reason when the reviews could not be read now.
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import { complaintSection } from '../../components/complaints/panel';
import { DomPart } from '../../components/dom-part';
import type { ComplaintDigestReply } from '../../utils/complaints/protocol';

afterEach(cleanup);

const Complaints = ({ load }: { load: () => Promise<ComplaintDigestReply> }) => <DomPart draw={(into) => complaintSection(into, load)} />;

const NOW = Date.now();
const digest = (over: Partial<NonNullable<ComplaintDigestReply['digest']>> = {}): NonNullable<ComplaintDigestReply['digest']> => ({
  at: NOW,
  recent: 5,
  previous: 2,
  topics: [
    { topic: 'size', count: 3, previous: 1 },
    { topic: 'defect', count: 1, previous: 1 },
    { topic: 'other', count: 1, previous: 0 },
  ],
  ...over,
});
const topics = () =>
  [...document.querySelectorAll('[data-lupa="complaint-topic"]')].map((el) => [
    el.getAttribute('data-topic'),
    el.getAttribute('data-value'),
    el.getAttribute('data-change'),
  ]);

test("another seller's item: no section at all", async () => {
  const { container } = render(<Complaints load={async () => ({ own: false, digest: null, problem: null })} />);
  await act(async () => {});
  expect(container.querySelector('.lupa-dom-part')?.innerHTML).toBe('');
});

test('an own item: each topic with its count and its change against the 30 days before', async () => {
  render(<Complaints load={async () => ({ own: true, digest: digest(), problem: null })} />);
  await waitFor(() => expect(topics()).toHaveLength(3));
  expect(topics()).toEqual([
    ['size', '3', '2'],
    ['defect', '1', '0'],
    ['other', '1', '1'],
  ]);
  expect(screen.getByText('(+2)')).toBeTruthy();
});

test('no 1–3★ reviews in 30 days: said so, no topics', async () => {
  render(<Complaints load={async () => ({ own: true, digest: digest({ recent: 0, previous: 0, topics: [] }), problem: null })} />);
  await waitFor(() => expect(document.querySelector('[data-lupa="complaints"] .lupa-good')).not.toBeNull());
  expect(topics()).toEqual([]);
});

test('the reviews could not be read now: the stored digest stays, with why', async () => {
  render(<Complaints load={async () => ({ own: true, digest: digest({ at: NOW - 7_200_000 }), problem: 'offline' })} />);
  await waitFor(() => expect(topics()).toHaveLength(3));
  expect(document.querySelectorAll('[data-lupa="complaints"] .lupa-note')).toHaveLength(1);
});

test('the background does not answer: the section says it is unavailable, the panel stays', async () => {
  render(<Complaints load={() => Promise.reject(new Error('no receiver'))} />);
  await waitFor(() => expect(document.querySelector('.lupa-note')).not.toBeNull());
  expect(topics()).toEqual([]);
});
