import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { AGENTS, seedConversations } from '../src/adapters/memory/fixtures.js';
import { MemoryAdapter, type MemoryAdapterOptions } from '../src/adapters/memory/memory-adapter.js';
import '../src/components/assignee-picker/assignee-picker.js';
import '../src/components/inbox-provider/inbox-provider.js';
import { InboxError } from '../src/data/errors.js';
import type { Agent } from '../src/data/models.js';

/** A fixed clock, so the stories look the same on every run. */
const NOW = Date.parse('2026-11-20T12:00:00Z');
const ME = AGENTS[0].id;

// conv-001 is assigned to Sam Rivera (the current user), conv-002 is unassigned,
// conv-004 is assigned to Chen Wei, conv-006 to a contact with a very long name.
function adapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  return new MemoryAdapter({
    seed: seedConversations({ count: 14, now: NOW }),
    agents: [...AGENTS],
    currentUserId: ME,
    ...options,
  });
}

function picker(
  source: MemoryAdapter,
  selected: string,
  inner = html`<assignee-picker></assignee-picker>`,
  extra = '',
): TemplateResult {
  return html`<inbox-provider
    .source=${source}
    poll-interval="0"
    current-user-id=${ME}
    selected=${selected}
    theme=${extra || 'auto'}
  >
    <div style="min-block-size: 420px">${inner}</div>
  </inbox-provider>`;
}

/** Opens the picker's list, as a click on the trigger would. */
async function open(canvasElement: HTMLElement): Promise<void> {
  const el = canvasElement.querySelector('assignee-picker');
  if (!el) return;
  await el.updateComplete;
  el.shadowRoot?.querySelector<HTMLElement>('[part~="trigger"]')?.click();
  await el.updateComplete;
}

const FIRST = [
  'Amara',
  'Björn',
  'Chloé',
  'Dmitri',
  'Eun-ji',
  'Farah',
  'Gustavo',
  'Hiroshi',
  'Ingrid',
  'José',
  'Kwame',
  'Léa',
  'Mateo',
  'Nadia',
  'Oğuz',
];
const LAST = ['Okafor', 'Søndergaard', 'Lefèvre', 'Ivanov', 'Park', 'Haddad', 'Peña', 'Tanaka', 'Lindström', 'Muñoz'];
/** 150 agents with accented names: type "lefevre" or "sondergaard" to find them. */
const MANY_AGENTS: Agent[] = Array.from({ length: 150 }, (_, i) => {
  const first = FIRST[i % FIRST.length];
  const last = LAST[Math.floor(i / FIRST.length) % LAST.length];
  const email = `${first}.${last}`.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return { id: `agent-${i + 1}`, displayName: `${first} ${last}`, email: `${email}@example.com` };
});

const meta: Meta = {
  title: 'Elements/assignee-picker',
  component: 'assignee-picker',
  parameters: {
    actions: { handles: ['inbox-conversation-assign', 'inbox-conversation-assigned', 'inbox-error'] },
  },
};
export default meta;

type Story = StoryObj;

/** A conversation assigned to a colleague: the trigger shows their initials and name. */
export const Default: Story = {
  render: () => picker(adapter(), 'conv-004'),
};

/** An unassigned conversation. */
export const Unassigned: Story = {
  render: () => picker(adapter(), 'conv-002'),
};

/** Assigned to the signed-in agent (`current-user-id`), marked "(you)". */
export const AssignedToMe: Story = {
  render: () => picker(adapter(), 'conv-001'),
};

/** The open list: "Assign to me", "Unassign", then every agent; the current assignee is checked. */
export const Open: Story = {
  render: () => picker(adapter(), 'conv-004'),
  play: async ({ canvasElement }) => open(canvasElement),
};

/** 150 agents: the list scrolls, and typing filters on name or email, ignoring case and accents. */
export const LongAgentList: Story = {
  render: () => picker(adapter({ agents: MANY_AGENTS }), 'conv-002'),
  play: async ({ canvasElement }) => {
    await open(canvasElement);
    const el = canvasElement.querySelector('assignee-picker');
    const search = el?.shadowRoot?.querySelector<HTMLInputElement>('[part~="search"]');
    if (!el || !search) return;
    search.value = 'lefevre';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
  },
};

/** The agents are still loading (the backend's `listAssignees` never answers here): a skeleton under the list. */
export const Loading: Story = {
  render: () => {
    const source = adapter();
    source.hold('listAssignees');
    return picker(source, 'conv-004');
  },
  play: async ({ canvasElement }) => open(canvasElement),
};

/** Loading the agents failed with a 502 (Qlara's profile service): a message by error kind and a Retry that works. */
export const Error: Story = {
  render: () => {
    const source = adapter();
    source.fail(
      'listAssignees',
      new InboxError({ kind: 'upstream', message: 'Bad Gateway', dialect: 'memory', httpStatus: 502 }),
      1,
    );
    return picker(source, 'conv-004');
  },
  play: async ({ canvasElement }) => open(canvasElement),
};

/**
 * The picker shows a conversation by `conversation-id` that nothing has loaded, and fetching it failed
 * (502): it says why, stays disabled, and Retry fetches it again (which works here).
 */
export const ConversationError: Story = {
  render: () => {
    const source = adapter();
    source.fail(
      'getConversation',
      new InboxError({ kind: 'upstream', message: 'Bad Gateway', dialect: 'memory', httpStatus: 502 }),
      1,
    );
    return html`<inbox-provider .source=${source} poll-interval="0" current-user-id=${ME}>
      <assignee-picker conversation-id="conv-004"></assignee-picker>
    </inbox-provider>`;
  },
};

/** No agents to assign (neither the backend nor the host gives any). */
export const Empty: Story = {
  render: () => picker(adapter({ agents: [] }), 'conv-002'),
  play: async ({ canvasElement }) => open(canvasElement),
};

/** The backend refuses the assignment (403: not a member): the change rolls back with a clear message. */
export const AssignmentRejected: Story = {
  render: () => {
    const source = adapter();
    source.fail(
      'assign',
      new InboxError({
        kind: 'forbidden',
        message: 'User is not a member of this organization',
        dialect: 'memory',
        httpStatus: 403,
      }),
    );
    return picker(source, 'conv-002');
  },
  play: async ({ canvasElement }) => {
    await open(canvasElement);
    const el = canvasElement.querySelector('assignee-picker');
    const option = [...(el?.shadowRoot?.querySelectorAll<HTMLElement>('[role="option"]') ?? [])].find((o) =>
      o.textContent?.includes('Chen Wei'),
    );
    option?.click();
  },
};

/** A transient failure (502) while assigning offers Retry. */
export const AssignmentUnavailable: Story = {
  render: () => {
    const source = adapter();
    source.fail('assign', 'upstream', 1);
    return picker(source, 'conv-002');
  },
  play: async ({ canvasElement }) => {
    await open(canvasElement);
    const el = canvasElement.querySelector('assignee-picker');
    el?.shadowRoot?.querySelector<HTMLElement>('[part~="assign-me"]')?.click();
  },
};

/** A backend that cannot assign (e.g. Cloove): the picker says so and stays disabled. */
export const BackendWithoutAssignment: Story = {
  render: () => picker(adapter({ capabilities: { assign: false, unassign: false, listAssignees: false } }), 'conv-004'),
};

/** No conversation selected: a quiet line. */
export const Initial: Story = {
  render: () =>
    html`<inbox-provider .source=${adapter()} poll-interval="0"><assignee-picker></assignee-picker></inbox-provider>`,
};

/** Long names and right-to-left text, in an Arabic interface. */
export const LongContent: Story = {
  render: () => {
    const agents: Agent[] = [
      {
        id: 'a1',
        displayName: 'Maximiliana Alexandrina Konstantinopoulou-Vandenberghe',
        email: 'maximiliana.konstantinopoulou-vandenberghe@example.com',
      },
      { id: 'a2', displayName: 'أحمد عبد الرحمن الفارسي', email: 'ahmed@example.com' },
      { id: 'a3', displayName: 'ليلى حسن', email: 'layla@example.com' },
    ];
    const seed = seedConversations({ count: 3, now: NOW });
    seed[0].conversation.assignee = agents[0];
    const source = new MemoryAdapter({ seed, agents });
    return html`<div dir="rtl" lang="ar" style="max-inline-size: 280px; min-block-size: 420px">
      <inbox-provider .source=${source} poll-interval="0" selected="conv-001">
        <assignee-picker
          .i18n=${{
            label: 'المسؤول',
            unassigned: 'غير معيّن',
            assignToMe: 'عيّنها لي',
            unassign: 'إلغاء التعيين',
            searchLabel: 'ابحث عن موظف',
            searchPlaceholder: 'الاسم أو البريد الإلكتروني',
            listLabel: 'الموظفون',
          }}
        ></assignee-picker>
      </inbox-provider>
    </div>`;
  },
  play: async ({ canvasElement }) => open(canvasElement),
};

/** The dark theme, plus custom tokens and parts: a squarer trigger and a branded highlight. */
export const Theming: Story = {
  render: () =>
    html`<style>
        .branded assignee-picker {
          --inbox-color-accent: #b39dff;
          --assignee-picker-active-background: rgb(179 157 255 / 0.16);
          --assignee-picker-avatar-size: 28px;
        }
        .branded assignee-picker::part(trigger) {
          border-radius: 6px;
        }
      </style>
      <div class="branded" style="background: #0b141a; padding: 16px; min-block-size: 420px">
        ${picker(adapter(), 'conv-004', html`<assignee-picker></assignee-picker>`, 'dark')}
      </div>`,
  play: async ({ canvasElement }) => open(canvasElement),
};
