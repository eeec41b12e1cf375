/**
 * The elements of the strict-CSP demo, built from the sources: every element
 * (the actions import is a no-op once the main entry registers them; `define`
 * is guarded). `?elements=dist` loads dist/inbox-elements.bundle.js instead.
 */
import '../../src/index.js';
import '../../src/components/inbox-conversation-actions/inbox-conversation-actions.js';
