/**
 * What a host page (the demo, live stories) passes to `<inbox-provider>` for
 * each dialect of the reference backend: the headers a host's proxy would add
 * (fake values: the reference backend only checks they are there), the
 * dialect settings, and the agents and templates of the seed.
 */
import type { DataSourceConfig } from '../src/data/data-source.js';
import type { Agent, Template } from '../src/data/models.js';
import type { ReferenceDb } from './db.js';

export const REFERENCE_DIALECTS = ['switchbord', 'qlara', 'cloove', 'superwaba', 'vobiz'] as const;
export type ReferenceDialect = (typeof REFERENCE_DIALECTS)[number];

export interface HostConfig {
  backend: ReferenceDialect;
  baseUrl: string;
  options: Partial<DataSourceConfig>;
  currentUserId: string;
}

export function seedAgents(db: ReferenceDb): Agent[] {
  return db.agents.map((a) => ({ id: a.id, displayName: a.name, email: a.email, avatarUrl: a.avatarUrl }));
}

export function seedTemplates(db: ReferenceDb): Template[] {
  return db.templates.map((t) => ({
    name: t.name,
    language: t.language,
    category: t.category,
    body: t.body,
    variables: t.variables.map((key) => ({ key })),
  }));
}

/** The provider settings for one dialect of a reference backend mounted at `prefix`. */
export function hostConfig(db: ReferenceDb, backend: ReferenceDialect, prefix = '/ref'): HostConfig {
  const whatsapp = db.channels.find((c) => c.kind === 'WHATSAPP') ?? db.channels[0];
  const perDialect: Record<ReferenceDialect, Partial<DataSourceConfig>> = {
    switchbord: {},
    qlara: { headers: { 'X-Api-Key': 'reference-key' } },
    cloove: { headers: { Authorization: 'Bearer reference-key' }, businessWhatsappNumberId: whatsapp.id },
    superwaba: { headers: { Authorization: 'Bearer reference-session', 'x-org-id': 'reference-org' } },
    vobiz: {
      headers: { 'X-Auth-ID': 'MA_REFERENCE', 'X-Auth-Token': 'reference-token' },
      channelId: whatsapp.id,
      wabaId: whatsapp.wabaId,
    },
  };
  const agents = seedAgents(db);
  return {
    backend,
    baseUrl: `${prefix}/${backend}`,
    options: { ...perDialect[backend], agents, templates: seedTemplates(db) },
    currentUserId: agents[0]?.id ?? '',
  };
}
