/**
 * Every user-visible string of `<message-composer>`. A host replaces any of
 * them with the element's `i18n` property. `{name}` placeholders are filled
 * in; plural forms follow `Intl.PluralRules` for the element's `lang`.
 */
import type { InboxErrorKind } from '../../data/errors.js';
import { CONVERSATION_ERRORS } from '../../internal/conversation-errors.js';

export const MESSAGE_COMPOSER_STRINGS = {
  /** Accessible name of the text input. */
  inputLabel: 'Message',
  placeholder: 'Type a message',
  send: 'Send',
  sending: 'Sending…',
  retry: 'Retry',
  dismiss: 'Dismiss',

  /** Disabled reasons. */
  noConversation: 'Select a conversation to reply.',
  cannotSend: 'This inbox cannot send messages.',

  /** The conversation could not be loaded (the composer is disabled), by error kind; `conversationFailed` is the fallback. */
  conversationFailed: 'The conversation could not be loaded, so you can’t reply yet.',
  conversationErrors: { ...CONVERSATION_ERRORS },

  /** Length limit. `{count}` and `{max}` are formatted numbers. */
  counter: '{count} / {max}',
  charactersLeft: { one: '{count} character left', other: '{count} characters left' },
  charactersOver: { one: '{count} character over the limit', other: '{count} characters over the limit' },

  /** Reasons a message is not sent. */
  blank: 'Write a message before sending.',
  tooLong: 'This message is too long. The limit is {max} characters.',

  /** Send failures, by error kind; `sendFailed` is the fallback. */
  sendFailed: 'The message could not be sent.',
  sendErrors: {
    network: 'The message could not be sent: no connection.',
    timeout: 'The message could not be sent: the server took too long.',
    rate_limited: 'Too many messages right now. Wait a moment, then retry.',
    unauthorized: 'Your session has expired. Sign in again, then retry.',
    forbidden: 'You are not allowed to send messages in this conversation.',
    validation: 'The message was not accepted.',
    conflict: 'The message is already being sent. Wait a moment, then retry.',
    outside_window: 'The 24-hour window has closed. Send an approved template instead.',
    unsupported: 'This inbox cannot send this kind of message.',
    not_found: 'This conversation no longer exists.',
    upstream: 'WhatsApp did not accept the message right now.',
    server: 'The server could not send the message.',
    invalid_response: 'The server gave an unexpected answer; the message may not have been sent.',
  } as Partial<Record<InboxErrorKind, string>>,

  /** Service window. `{time}` is a duration such as "3 h 20 min". */
  windowOpen: 'Window open · {time} left',
  windowClosing: 'Window closes in {time}',
  windowPredicted: 'Estimated from the customer’s last message.',
  windowClosed: 'The 24-hour window is closed: free-form messages can’t be sent until the customer writes again.',
  windowClosedTemplates: 'Send an approved template instead.',
  windowClosedNoTemplates: 'This inbox cannot send templates, so you can’t reply until the customer writes again.',

  /** Template mode. */
  useTemplate: 'Templates',
  useText: 'Write a message',
  templatesLabel: 'Template',
  chooseTemplate: 'Choose a template…',
  templatesLoading: 'Loading templates…',
  templatesEmpty: 'No approved templates are available.',
  templatesError: 'The templates could not be loaded.',
  /** `{name}`, `{language}`. */
  templateOption: '{name} · {language}',
  variablesLegend: 'Variables',
  /** Label of a variable without one of its own; `{key}` is its placeholder. */
  variableLabel: 'Variable {key}',
  optional: '(optional)',
  variableRequired: 'Fill in this value.',
  variablePattern: 'This value has the wrong format.',
  /** `{example}`. */
  variableExample: 'e.g. {example}',
  preview: 'Preview',
  byNameOnly: 'This inbox sends templates by name only; placeholders are not filled in.',
  sendTemplate: 'Send template',
  templateInvalid: 'Fill in the template’s values first.',
  noTemplateChosen: 'Choose a template first.',
};

export type MessageComposerStrings = typeof MESSAGE_COMPOSER_STRINGS;
