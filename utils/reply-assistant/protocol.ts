// The reply assistant's messages: the cabinet reads the user's templates through the background.
import { z } from 'zod';
import { TemplateSchema } from './templates';

export const replyAssistantProtocol = {
  /** The cabinet's reply assistant reads the user's templates (content scripts cannot read storage). */
  getReplyTemplates: { request: z.object({}), reply: z.array(TemplateSchema) },
} as const;
