/**
 * Client-side agent search: case- and accent-insensitive substring matching
 * on the display name and the email address.
 */
import type { Agent } from '../../data/models.js';

/** Lower case without diacritics: "Lucía Gómez" → "lucia gomez". */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase().trim();
}

/** True when every word of `query` occurs in the agent's name or email. */
export function agentMatches(agent: Agent, foldedQuery: string): boolean {
  if (!foldedQuery) return true;
  const hay = foldForSearch(`${agent.displayName ?? ''}\n${agent.email ?? ''}`);
  return foldedQuery.split(/\s+/).every((word) => hay.includes(word));
}

/** The agents matching `query`, in their original order. */
export function filterAgents(agents: readonly Agent[], query: string): Agent[] {
  const folded = foldForSearch(query);
  return folded ? agents.filter((a) => agentMatches(a, folded)) : [...agents];
}
