/**
 * German string tables for every element, to set as each element's `i18n`:
 *
 *   import { de, applyStrings } from 'inbox-elements/locales/de.js';
 *   document.documentElement.lang = 'de';          // dates, times and plurals follow `lang`
 *   applyStrings(document.querySelector('inbox-provider')!, de);
 *
 * or per element: `list.i18n = de['inbox-list']`. Each table is complete (typed
 * against the element's own defaults), so a new English string fails the
 * type check until it is translated here too.
 */
import type { AssigneePickerStrings } from '../components/assignee-picker/assignee-picker.strings.js';
import type { ConversationThreadStrings } from '../components/conversation-thread/conversation-thread.strings.js';
import type { InboxConversationActionsStrings } from '../components/inbox-conversation-actions/inbox-conversation-actions.strings.js';
import type { InboxListStrings } from '../components/inbox-list/inbox-list.strings.js';
import type { MessageComposerStrings } from '../components/message-composer/message-composer.strings.js';
import type { InboxErrorKind } from '../data/errors.js';

/** `conversationErrors`, shared by the picker, the actions and the composer. */
const CONVERSATION_ERRORS_DE: Partial<Record<InboxErrorKind, string>> = {
  not_found: 'Diese Unterhaltung wurde nicht gefunden. Vielleicht wurde sie gelöscht.',
  forbidden: 'Sie dürfen diese Unterhaltung nicht sehen.',
  network: 'Die Unterhaltung konnte nicht geladen werden: keine Verbindung.',
  timeout: 'Die Unterhaltung konnte nicht geladen werden: Der Server hat zu lange gebraucht.',
  rate_limited: 'Zu viele Anfragen. Warten Sie einen Moment und versuchen Sie es dann erneut.',
  unauthorized: 'Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an und versuchen Sie es dann noch einmal.',
  upstream: 'Der Posteingang antwortet gerade nicht. Versuchen Sie es gleich noch einmal.',
};

export const inboxListDe: InboxListStrings = {
  listLabel: 'Unterhaltungen',
  initial: 'Kein Posteingang verbunden',
  loading: 'Unterhaltungen werden geladen…',
  empty: 'Keine Unterhaltungen',
  emptyFiltered: 'Keine Unterhaltungen passen zu diesen Filtern',
  clearFilters: 'Filter zurücksetzen',
  retry: 'Erneut versuchen',
  loadingMore: 'Weitere Unterhaltungen werden geladen…',
  moreError: 'Weitere Unterhaltungen konnten nicht geladen werden.',
  endOfList: 'Keine weiteren Unterhaltungen',

  errorDefault: 'Die Unterhaltungen konnten nicht geladen werden.',
  errorNetwork: 'Sie scheinen offline zu sein. Die Unterhaltungen konnten nicht geladen werden.',
  errorTimeout: 'Der Posteingang hat zu lange nicht geantwortet.',
  errorUnauthorized: 'Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an, um die Unterhaltungen zu sehen.',
  errorForbidden: 'Sie haben keinen Zugriff auf diese Unterhaltungen.',
  errorRateLimited: 'Zu viele Anfragen. Versuchen Sie es gleich noch einmal.',
  errorNotFound: 'Der Posteingang wurde nicht gefunden.',
  errorUnsupported: 'Dieser Posteingang kann keine Unterhaltungen auflisten.',

  filtersLabel: 'Unterhaltungen filtern',
  searchLabel: 'Unterhaltungen durchsuchen',
  searchPlaceholder: 'Suchen',
  clientSearchNotice: 'Durchsucht nur die geladenen Unterhaltungen',
  statusLabel: 'Status',
  statusAll: 'Alle Status',
  statusArchived: 'Archiviert',
  unreadOnly: 'Nur ungelesene',
  assigneeLabel: 'Zuständig',
  assigneeAll: 'Alle',
  assigneeMe: 'Mir zugewiesen',
  assigneeUnassigned: 'Nicht zugewiesen',

  summaryLabel: 'Übersicht',
  summaryTotal: '{count} gesamt',
  summaryOpen: '{count} offen',
  summaryUnread: '{count} ungelesen',
  summaryDerived: 'Geladen:',
  summaryDerivedTitle: 'Aus den bisher geladenen Unterhaltungen gezählt',

  noName: 'Unbekannter Kontakt',
  youPrefix: 'Sie: {text}',
  unreadBadgeSuffix: 'ungelesen',
  assignedTo: 'Zugewiesen an {name}',
  windowOpen: 'noch {time}',
  windowClosed: 'Fenster geschlossen',
  windowOpenLabel: 'Antwortfenster offen, noch {time}',
  windowClosedLabel: 'Antwortfenster geschlossen',

  statusOpen: 'Offen',
  statusPending: 'Wartend',
  statusBot: 'Bot',
  statusEscalated: 'Eskaliert',
  statusClosed: 'Geschlossen',
  statusUnknown: 'Unbekannt',

  kindImage: 'Foto',
  kindVideo: 'Video',
  kindAudio: 'Audio',
  kindDocument: 'Dokument',
  kindSticker: 'Sticker',
  kindLocation: 'Standort',
  kindContacts: 'Kontaktkarte',
  kindTemplate: 'Vorlage',
  kindInteractive: 'Interaktive Nachricht',
  kindUnknown: 'Nachricht',
  noMessages: 'Noch keine Nachrichten',
  customerWroteLast: 'Der Kunde hat zuletzt geschrieben',
  youWroteLast: 'Sie haben zuletzt geantwortet',

  channelWhatsapp: 'WhatsApp',
  channelSms: 'SMS',
  channelRcs: 'RCS',
  channelMessenger: 'Messenger',
  channelInstagram: 'Instagram',
  channelOther: 'Anderer Kanal',
};

export const conversationThreadDe: ConversationThreadStrings = {
  initial: 'Wählen Sie eine Unterhaltung aus, um sie zu lesen',
  loading: 'Nachrichten werden geladen…',
  empty: 'Noch keine Nachrichten in dieser Unterhaltung',
  retry: 'Erneut versuchen',

  errorDefault: 'Die Nachrichten konnten nicht geladen werden.',
  errorNetwork: 'Sie scheinen offline zu sein. Die Nachrichten konnten nicht geladen werden.',
  errorTimeout: 'Der Posteingang hat zu lange nicht geantwortet.',
  errorUnauthorized: 'Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an, um diese Unterhaltung zu lesen.',
  errorForbidden: 'Sie haben keinen Zugriff auf diese Unterhaltung.',
  errorNotFound: 'Diese Unterhaltung wurde nicht gefunden.',
  errorRateLimited: 'Zu viele Anfragen. Versuchen Sie es gleich noch einmal.',
  errorUnsupported: 'Dieser Posteingang kann keine Nachrichten anzeigen.',

  logLabel: 'Nachrichten mit {name}',
  logLabelNoName: 'Nachrichten',
  loadingOlder: 'Frühere Nachrichten werden geladen…',
  olderError: 'Frühere Nachrichten konnten nicht geladen werden.',
  loadOlder: 'Frühere Nachrichten laden',
  startOfConversation: 'Beginn der Unterhaltung',
  unreadDividerOne: '{count} ungelesene Nachricht',
  unreadDividerOther: '{count} ungelesene Nachrichten',
  jumpLatest: 'Zur neuesten Nachricht',
  newMessagesOne: '{count} neue Nachricht',
  newMessagesOther: '{count} neue Nachrichten',
  announceMessage: 'Neue Nachricht von {name}: {text}',
  announceMessagesOne: '{count} neue Nachricht von {name}',
  announceMessagesOther: '{count} neue Nachrichten von {name}',

  inboundLabel: '{name}, {time}',
  outboundLabel: 'Sie, {time}, {status}',
  outboundLabelNoStatus: 'Sie, {time}',
  customer: 'Kunde',

  statusPending: 'Wird gesendet',
  statusSent: 'Gesendet',
  statusDelivered: 'Zugestellt',
  statusRead: 'Gelesen',
  statusFailed: 'Nicht zugestellt',

  failedOutsideWindow:
    'Nicht zugestellt: Das 24-Stunden-Antwortfenster ist geschlossen. Senden Sie stattdessen eine Vorlage.',
  failedRejected: 'Nicht zugestellt: Die Nachricht wurde abgelehnt.',
  failedInProgress:
    'Noch nicht bestätigt: Das Backend bearbeitet noch einen früheren Versuch. Gleich erneut versuchen.',
  failedNetwork: 'Nicht gesendet: Prüfen Sie Ihre Verbindung.',
  failedTimeout: 'Nicht gesendet: Der Posteingang hat zu lange nicht geantwortet.',
  failedRateLimited: 'Nicht gesendet: zu viele Nachrichten. Versuchen Sie es gleich noch einmal.',
  failedUnauthorized: 'Nicht gesendet: Ihre Sitzung ist abgelaufen.',
  failedUndeliverable: 'Nicht zugestellt: WhatsApp konnte diese Nachricht nicht zustellen.',
  failedDefault: 'Nicht zugestellt.',
  retrySend: 'Erneut senden',
  retrySendLabel: 'Diese Nachricht erneut senden',
  discard: 'Verwerfen',
  discardLabel: 'Diese Nachricht verwerfen',

  image: 'Foto',
  video: 'Video',
  audio: 'Audio',
  document: 'Dokument',
  sticker: 'Sticker',
  location: 'Standort',
  openMap: 'In Karte öffnen',
  contacts: 'Kontaktkarte',
  interactive: 'Interaktive Nachricht',
  unsupported: 'Nicht unterstützte Nachricht: {type}',
  template: 'Vorlage: {name}',
  download: '{name} herunterladen',
  mediaUnavailable: 'Nicht verfügbar',
  showFullText: 'Ganze Nachricht anzeigen',
  showLessText: 'Weniger anzeigen',

  noName: 'Unbekannter Kontakt',
  windowOpen: 'Antwortfenster schließt in {time}',
  windowClosed: 'Antwortfenster geschlossen',
  windowUnknown: '',
  statusOpen: 'Offen',
  statusPendingConversation: 'Wartend',
  statusBot: 'Bot',
  statusEscalated: 'Eskaliert',
  statusClosed: 'Geschlossen',
  statusArchived: 'Archiviert',
  statusUnknown: '',
};

export const messageComposerDe: MessageComposerStrings = {
  inputLabel: 'Nachricht',
  placeholder: 'Nachricht schreiben',
  send: 'Senden',
  sending: 'Wird gesendet…',
  retry: 'Erneut versuchen',
  dismiss: 'Ausblenden',

  noConversation: 'Wählen Sie eine Unterhaltung aus, um zu antworten.',
  cannotSend: 'Dieser Posteingang kann keine Nachrichten senden.',

  conversationFailed: 'Die Unterhaltung konnte nicht geladen werden, deshalb können Sie noch nicht antworten.',
  conversationErrors: { ...CONVERSATION_ERRORS_DE },

  counter: '{count} / {max}',
  charactersLeft: { one: 'noch {count} Zeichen', other: 'noch {count} Zeichen' },
  charactersOver: { one: '{count} Zeichen über dem Limit', other: '{count} Zeichen über dem Limit' },

  blank: 'Schreiben Sie eine Nachricht, bevor Sie senden.',
  tooLong: 'Diese Nachricht ist zu lang. Das Limit liegt bei {max} Zeichen.',

  sendFailed: 'Die Nachricht konnte nicht gesendet werden.',
  sendErrors: {
    network: 'Die Nachricht konnte nicht gesendet werden: keine Verbindung.',
    timeout: 'Die Nachricht konnte nicht gesendet werden: Der Server hat zu lange gebraucht.',
    rate_limited: 'Gerade zu viele Nachrichten. Warten Sie einen Moment und versuchen Sie es dann erneut.',
    unauthorized: 'Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an und versuchen Sie es dann noch einmal.',
    forbidden: 'Sie dürfen in dieser Unterhaltung keine Nachrichten senden.',
    validation: 'Die Nachricht wurde nicht angenommen.',
    conflict: 'Die Nachricht wird bereits gesendet. Warten Sie einen Moment und versuchen Sie es dann erneut.',
    outside_window: 'Das 24-Stunden-Fenster ist geschlossen. Senden Sie stattdessen eine freigegebene Vorlage.',
    unsupported: 'Dieser Posteingang kann diese Art von Nachricht nicht senden.',
    not_found: 'Diese Unterhaltung gibt es nicht mehr.',
    upstream: 'WhatsApp hat die Nachricht gerade nicht angenommen.',
    server: 'Der Server konnte die Nachricht nicht senden.',
    invalid_response: 'Der Server hat unerwartet geantwortet; die Nachricht wurde möglicherweise nicht gesendet.',
  },

  windowOpen: 'Fenster offen · noch {time}',
  windowClosing: 'Fenster schließt in {time}',
  windowPredicted: 'Geschätzt anhand der letzten Nachricht des Kunden.',
  windowClosed:
    'Das 24-Stunden-Fenster ist geschlossen: Freie Nachrichten können erst wieder gesendet werden, wenn der Kunde schreibt.',
  windowClosedTemplates: 'Senden Sie stattdessen eine freigegebene Vorlage.',
  windowClosedNoTemplates:
    'Dieser Posteingang kann keine Vorlagen senden, daher können Sie erst antworten, wenn der Kunde wieder schreibt.',

  useTemplate: 'Vorlagen',
  useText: 'Nachricht schreiben',
  templatesLabel: 'Vorlage',
  chooseTemplate: 'Vorlage auswählen…',
  templatesLoading: 'Vorlagen werden geladen…',
  templatesEmpty: 'Keine freigegebenen Vorlagen verfügbar.',
  templatesError: 'Die Vorlagen konnten nicht geladen werden.',
  templateOption: '{name} · {language}',
  variablesLegend: 'Variablen',
  variableLabel: 'Variable {key}',
  optional: '(optional)',
  variableRequired: 'Bitte füllen Sie diesen Wert aus.',
  variablePattern: 'Dieser Wert hat das falsche Format.',
  variableExample: 'z. B. {example}',
  preview: 'Vorschau',
  byNameOnly: 'Dieser Posteingang sendet Vorlagen nur über ihren Namen; Platzhalter werden nicht ausgefüllt.',
  sendTemplate: 'Vorlage senden',
  templateInvalid: 'Füllen Sie zuerst die Werte der Vorlage aus.',
  noTemplateChosen: 'Wählen Sie zuerst eine Vorlage aus.',
};

export const assigneePickerDe: AssigneePickerStrings = {
  label: 'Zuständig',
  unassigned: 'Nicht zugewiesen',
  assign: 'Zuweisen',
  loadingConversation: 'Wird geladen…',
  conversationFailed: 'Die Unterhaltung konnte nicht geladen werden.',
  conversationErrors: { ...CONVERSATION_ERRORS_DE },
  noConversation: 'Keine Unterhaltung ausgewählt',
  unsupported: 'Zuweisen ist in diesem Posteingang nicht möglich.',

  searchLabel: 'Mitarbeitende suchen',
  searchPlaceholder: 'Nach Name oder E-Mail suchen',
  listLabel: 'Mitarbeitende',
  assignToMe: 'Mir zuweisen',
  unassign: 'Zuweisung aufheben',
  you: '(Sie)',
  current: 'aktuell',

  loadingAgents: 'Mitarbeitende werden geladen…',
  noAgents: 'Keine Mitarbeitenden zum Zuweisen.',
  noMatches: 'Niemand passt zu „{query}“.',
  matches: { one: '{count} Person', other: '{count} Personen' },

  agentsFailed: 'Die Mitarbeitenden konnten nicht geladen werden.',
  agentsErrors: {
    upstream: 'Die Liste der Mitarbeitenden ist gerade nicht verfügbar. Versuchen Sie es gleich noch einmal.',
    network: 'Die Mitarbeitenden konnten nicht geladen werden: keine Verbindung.',
    timeout: 'Die Mitarbeitenden konnten nicht geladen werden: Der Server hat zu lange gebraucht.',
    rate_limited: 'Zu viele Anfragen. Warten Sie einen Moment und versuchen Sie es dann erneut.',
    unauthorized: 'Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an und versuchen Sie es dann noch einmal.',
    forbidden: 'Sie dürfen die Mitarbeitenden dieses Posteingangs nicht sehen.',
  },

  assignFailed: 'Die Unterhaltung konnte {name} nicht zugewiesen werden.',
  assignErrors: {
    forbidden: '{name} gehört nicht zu diesem Posteingang, daher kann die Unterhaltung nicht zugewiesen werden.',
    not_found: 'Die Unterhaltung oder {name} wurde nicht gefunden. Möglicherweise wurde sie gelöscht.',
    validation: 'Der Posteingang hat {name} nicht als zuständige Person angenommen.',
    conflict: 'Jemand anderes hat die Zuweisung gleichzeitig geändert. Versuchen Sie erneut, {name} zuzuweisen.',
    upstream: 'Der Posteingang konnte {name} gerade nicht zuweisen. Versuchen Sie es gleich noch einmal.',
    network: 'Die Unterhaltung konnte {name} nicht zugewiesen werden: keine Verbindung.',
    timeout: 'Die Unterhaltung konnte {name} nicht zugewiesen werden: Der Server hat zu lange gebraucht.',
    rate_limited: 'Zu viele Anfragen. Warten Sie einen Moment und versuchen Sie es dann erneut.',
    unauthorized: 'Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an und versuchen Sie es dann noch einmal.',
    unsupported: 'Dieser Posteingang kann keine Unterhaltungen zuweisen.',
  },
  unassignFailed: 'Die Zuweisung konnte nicht aufgehoben werden.',
  unassignErrors: {
    forbidden: 'Sie dürfen die Zuweisung dieser Unterhaltung nicht aufheben.',
    not_found: 'Diese Unterhaltung wurde nicht gefunden. Möglicherweise wurde sie gelöscht.',
    upstream: 'Der Posteingang konnte die Zuweisung gerade nicht aufheben. Versuchen Sie es gleich noch einmal.',
    network: 'Die Zuweisung konnte nicht aufgehoben werden: keine Verbindung.',
    timeout: 'Die Zuweisung konnte nicht aufgehoben werden: Der Server hat zu lange gebraucht.',
    rate_limited: 'Zu viele Anfragen. Warten Sie einen Moment und versuchen Sie es dann erneut.',
    unauthorized: 'Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an und versuchen Sie es dann noch einmal.',
    unsupported: 'Dieser Posteingang kann keine Zuweisungen aufheben.',
  },

  assignedTo: 'Zugewiesen an {name}',
  nowUnassigned: 'Zuweisung aufgehoben',

  retry: 'Erneut versuchen',
  dismiss: 'Ausblenden',
};

export const inboxConversationActionsDe: InboxConversationActionsStrings = {
  label: 'Aktionen für die Unterhaltung',
  close: 'Schließen',
  archive: 'Archivieren',
  unarchive: 'Aus dem Archiv holen',
  markRead: 'Als gelesen markieren',
  markUnread: 'Als ungelesen markieren',
  resolutionLabel: 'Ergebnis',
  resolutions: {
    resolved: 'Gelöst',
    no_response: 'Keine Antwort',
    spam: 'Spam',
  },

  failed: {
    close: 'Die Unterhaltung konnte nicht geschlossen werden.',
    archive: 'Die Unterhaltung konnte nicht archiviert werden.',
    unarchive: 'Die Unterhaltung konnte nicht aus dem Archiv geholt werden.',
    'mark-read': 'Die Unterhaltung konnte nicht als gelesen markiert werden.',
    'mark-unread': 'Die Unterhaltung konnte nicht als ungelesen markiert werden.',
  },
  errors: {
    forbidden: 'Sie dürfen diese Unterhaltung nicht ändern.',
    not_found: 'Sie existiert nicht mehr.',
    unauthorized: 'Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an und versuchen Sie es dann noch einmal.',
    network: 'Es besteht keine Verbindung.',
    timeout: 'Der Server hat zu lange nicht geantwortet.',
    rate_limited: 'Zu viele Anfragen. Warten Sie einen Moment und versuchen Sie es dann erneut.',
    upstream: 'Der Posteingang antwortet gerade nicht. Versuchen Sie es gleich noch einmal.',
    server: 'Der Server hatte ein Problem. Versuchen Sie es gleich noch einmal.',
    conflict: 'Jemand anderes hat sie gleichzeitig geändert.',
    validation: 'Der Posteingang hat die Änderung nicht angenommen.',
    unsupported: 'Dieser Posteingang unterstützt das nicht.',
  },

  conversationFailed: 'Die Unterhaltung konnte nicht geladen werden.',
  conversationErrors: { ...CONVERSATION_ERRORS_DE },

  done: {
    close: 'Unterhaltung geschlossen',
    archive: 'Unterhaltung archiviert',
    unarchive: 'Unterhaltung aus dem Archiv geholt',
    'mark-read': 'Als gelesen markiert',
    'mark-unread': 'Als ungelesen markiert',
  },

  retry: 'Erneut versuchen',
  dismiss: 'Ausblenden',
};

/** A complete set of string tables, by tag name: type a language of your own with it. */
export interface InboxStringTables {
  'inbox-list': InboxListStrings;
  'conversation-thread': ConversationThreadStrings;
  'message-composer': MessageComposerStrings;
  'assignee-picker': AssigneePickerStrings;
  'inbox-conversation-actions': InboxConversationActionsStrings;
}

export type {
  AssigneePickerStrings,
  ConversationThreadStrings,
  InboxConversationActionsStrings,
  InboxListStrings,
  MessageComposerStrings,
};

/** The German tables by tag name. */
export const de: InboxStringTables = {
  'inbox-list': inboxListDe,
  'conversation-thread': conversationThreadDe,
  'message-composer': messageComposerDe,
  'assignee-picker': assigneePickerDe,
  'inbox-conversation-actions': inboxConversationActionsDe,
};

/**
 * Sets `i18n` on every element of `locale` at or inside `root` (light DOM).
 * Elements added later need it too: call again, or set `i18n` when creating them.
 */
export function applyStrings(root: ParentNode, locale: Partial<InboxStringTables>): void {
  const targets: Element[] = [];
  if (root instanceof Element) targets.push(root);
  targets.push(...root.querySelectorAll('*'));
  for (const el of targets) {
    const table = (locale as Record<string, object | undefined>)[el.localName];
    if (table) (el as Element & { i18n?: object }).i18n = table;
  }
}
