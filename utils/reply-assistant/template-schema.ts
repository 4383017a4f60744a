// A reply template's shape, apart from the templates' storage (templates.ts): the message protocol
// needs only the shape, and every extension page loads the protocol — not the storage library.
import { z } from 'zod';

export const TemplateSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  title: z.string().min(1).max(80),
  kind: z.enum(['review', 'question']),
  /** Which reviews it suits: star ratings and topics (see suggest.ts). */
  stars: z.array(z.number().int().min(1).max(5)).default([]),
  topics: z.array(z.string()).default([]),
  text: z.string().min(1).max(5000),
});
export type Template = z.infer<typeof TemplateSchema>;
