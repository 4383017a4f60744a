// How many asks of a content script travel in one `askMany` at most (utils/content/messaging.ts,
// utils/messages.ts). Its own module: the content side carries no zod.
export const ASK_BATCH_MAX = 32;
