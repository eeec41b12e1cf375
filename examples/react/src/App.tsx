/**
 * The whole inbox in React 19 through `inbox-elements/react`: properties are
 * props (`baseUrl`, `options`, `pollInterval`), events are typed props
 * (`onConversationSelect`, `onMessageSent`, `onError`…).
 *
 * The reference backend is served by this app's Vite server under /ref/*;
 * `hostConfig()` gives what a host's own proxy would add (fake credentials)
 * plus the seeded agents and templates. A real host passes `baseUrl` of its
 * proxy and keeps vendor keys on the server.
 */
import { useMemo, useState } from 'react';
import {
  AssigneePicker,
  ConversationThread,
  InboxConversationActions,
  InboxList,
  InboxProvider,
  MessageComposer,
} from 'inbox-elements/react';
import { ReferenceDb } from '../../../reference-backend/db.js';
import { hostConfig, REFERENCE_DIALECTS, type ReferenceDialect } from '../../../reference-backend/host-config.js';

const db = ReferenceDb.seeded();

export function App() {
  const [dialect, setDialect] = useState<ReferenceDialect>('qlara');
  const [selected, setSelected] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const config = useMemo(() => hostConfig(db, dialect), [dialect]);

  return (
    <>
      <header className="bar">
        <strong className="brand">inbox-elements · React</strong>
        <label>
          Backend
          <select value={dialect} onChange={(e) => setDialect(e.target.value as ReferenceDialect)}>
            {REFERENCE_DIALECTS.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <span className="status" role="status">
          {status || (selected ? `Conversation ${selected}` : 'Pick a conversation')}
        </span>
      </header>
      {/* key: a new provider (and data source) per backend */}
      <InboxProvider
        key={dialect}
        backend={config.backend}
        baseUrl={config.baseUrl}
        options={config.options}
        currentUserId={config.currentUserId}
        pollInterval={10}
        onConversationSelect={(e) => {
          setSelected(e.detail.conversationId);
          setStatus('');
        }}
        onMessageSent={(e) => setStatus(`Sent (${e.detail.message.status})`)}
        onConversationAssigned={(e) =>
          setStatus(`Assigned to ${e.detail.conversation.assignee?.displayName ?? 'nobody'}`)
        }
        onConversationUpdated={(e) => setStatus(`Done: ${e.detail.action}`)}
        onError={(e) => setStatus(`${e.detail.operation} failed (${e.detail.error.kind})`)}
        onAuthRequired={() => setStatus('Session expired: sign in again')}
      >
        <main className="inbox">
          <InboxList className="pane list" />
          <section className="pane conversation" aria-label="Conversation">
            <ConversationThread className="thread">
              <InboxConversationActions slot="actions" />
            </ConversationThread>
            <MessageComposer
              onMessageSend={(e) => {
                // a host may rewrite the text (or call e.preventDefault() to stop the send)
                if (e.detail.text) e.detail.text = e.detail.text.trim();
              }}
            />
          </section>
          <aside className="pane side" aria-label="Assignment">
            <h2>Assignee</h2>
            <AssigneePicker />
          </aside>
        </main>
      </InboxProvider>
    </>
  );
}
