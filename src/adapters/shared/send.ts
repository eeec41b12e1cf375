/**
 * What a send produced when the backend accepted it without echoing the
 * created message (cloove's and vobiz's `{ id }`-only or empty answers): a
 * `pending` outbound message built from the request, which the next read of
 * the thread replaces.
 */
import type { Message, SendRequest } from '../../data/models.js';

/** The accepted, still pending message for `req`; `id` is the backend's message id when it gave one. */
export function pendingMessage(req: SendRequest, id?: string): Message {
  const message: Message = {
    id: id ?? `pending-${req.clientRef}`,
    conversationId: req.conversationId,
    direction: 'outbound',
    kind: req.kind,
    status: 'pending',
    createdAt: new Date().toISOString(),
    clientRef: req.clientRef,
  };
  if (req.kind === 'text') message.text = req.text;
  if (req.kind === 'template') {
    message.text = req.previewText;
    message.template = { name: req.templateName, language: req.language, variables: req.variables };
  }
  if (
    req.kind === 'image' ||
    req.kind === 'video' ||
    req.kind === 'document' ||
    req.kind === 'audio' ||
    req.kind === 'sticker'
  ) {
    message.media = req.media;
    message.text = req.media.caption;
  }
  return message;
}
