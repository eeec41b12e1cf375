/**
 * The Vobiz docs excerpt's example messages page (generation B,
 * docs.vobiz.ai/whatsapp/api/conversations), recorded once for the mapper
 * and wire tests: the older message is listed first and the cursor names the
 * later one, which is why the adapter sorts.
 */
export const VOBIZ_EXCERPT_MESSAGES = {
  data: [
    {
      id: 'msg_002',
      type: 'text',
      direction: 'outbound',
      body: 'How can I help?',
      status: 'read',
      timestamp: '2026-03-17T14:20:00Z',
    },
    {
      id: 'msg_001',
      type: 'text',
      direction: 'inbound',
      body: "Yes, I'd like to proceed.",
      timestamp: '2026-03-17T14:22:00Z',
    },
  ],
  cursor: 'msg_001',
};
