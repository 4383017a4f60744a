// The unanswered counts' rows: none of its own tables, two control rows in the kernel's kv table.
import { kvKey } from '../tables';
import { OzonUnansweredSchema, UnansweredSchema } from './protocol';

export const unansweredKv = {
  /** WB's counts from its seller API (with the user's token). */
  wb: kvKey('unanswered:wb', UnansweredSchema),
  /** Ozon's, as read off the cabinet page the user last opened. */
  ozon: kvKey('unanswered:ozon', OzonUnansweredSchema),
};
