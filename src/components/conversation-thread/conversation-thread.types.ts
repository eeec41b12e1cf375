import type { Message } from '../../data/models.js';

/** The states `<conversation-thread>` reflects in its `state` attribute. */
export const CONVERSATION_THREAD_STATES = ['initial', 'loading', 'ready', 'empty', 'error'] as const;
export type ConversationThreadState = (typeof CONVERSATION_THREAD_STATES)[number];

/**
 * One row of the virtualized log: the top row (older messages loading, their
 * error, or the start of the conversation), a day separator, the unread
 * divider, or a message.
 */
export type ThreadRow =
  | { type: 'start'; key: 'start' }
  | { type: 'day'; key: string; at: string }
  | { type: 'unread'; key: 'unread'; count: number }
  | {
      type: 'message';
      key: string;
      message: Message;
      /** First message of a run from the same side within a few minutes. */
      groupStart: boolean;
      /** Last message of such a run. */
      groupEnd: boolean;
    };

export type MessageRow = Extract<ThreadRow, { type: 'message' }>;
