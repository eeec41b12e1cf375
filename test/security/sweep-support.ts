/**
 * What the security sweep checks in the page: traps that see any payload run,
 * a walk over every shadow root, and an audit of what the elements rendered
 * (no element a payload could have created, no inline handlers, no style
 * elements, only http(s) URLs). Browser-only helpers for the sweep tests.
 */
import { parseWhatsApp, type WhatsAppInline } from '../../src/components/conversation-thread/whatsapp-format.js';

type TrapWindow = Window & { __pwned?: (id?: unknown) => void };

export interface Traps {
  /** Payloads that ran: `__pwned(12)`, `alert(XSS)`… */
  hits: string[];
  /** `securitypolicyviolation` events: `directive blocked-uri`. */
  violations: string[];
  /** Uncaught errors and unhandled rejections. */
  errors: string[];
  restore(): void;
}

/** Noise the browser reports that says nothing about the elements. */
const BENIGN_ERRORS = [/ResizeObserver loop/i];

/**
 * Keeps the browser's benign "ResizeObserver loop completed with undelivered
 * notifications" (the layout settles on the next frame) from reaching mocha's
 * `window.onerror`, which would fail whatever test is running. Returns the remover.
 */
export function swallowResizeObserverLoop(): () => void {
  const original = window.onerror;
  window.onerror = function (this: Window, message, ...rest) {
    const text = typeof message === 'string' ? message : message.type;
    if (BENIGN_ERRORS.some((re) => re.test(text))) return true;
    return original ? original.call(this, message, ...rest) : false;
  };
  return () => {
    window.onerror = original;
  };
}

/** Installs `window.__pwned`, alert/confirm/prompt traps, and listeners for CSP violations and uncaught errors. */
export function installTraps(): Traps {
  const w = window as TrapWindow;
  const hits: string[] = [];
  const violations: string[] = [];
  const errors: string[] = [];
  const saved = { alert: window.alert, confirm: window.confirm, prompt: window.prompt, pwned: w.__pwned };
  w.__pwned = (id?: unknown) => void hits.push(`__pwned(${String(id)})`);
  window.alert = (m?: unknown) => void hits.push(`alert(${String(m)})`);
  window.confirm = (m?: string) => (hits.push(`confirm(${String(m)})`), false);
  window.prompt = (m?: string) => (hits.push(`prompt(${String(m)})`), null);
  const onViolation = (e: SecurityPolicyViolationEvent) =>
    void violations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
  const onError = (e: ErrorEvent) => {
    const message = String(e.message ?? e.error);
    if (!BENIGN_ERRORS.some((re) => re.test(message))) errors.push(message);
  };
  const onRejection = (e: PromiseRejectionEvent) => void errors.push(`unhandled rejection: ${String(e.reason)}`);
  document.addEventListener('securitypolicyviolation', onViolation, true);
  window.addEventListener('error', onError, true);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    hits,
    violations,
    errors,
    restore() {
      window.alert = saved.alert;
      window.confirm = saved.confirm;
      window.prompt = saved.prompt;
      w.__pwned = saved.pwned;
      document.removeEventListener('securitypolicyviolation', onViolation, true);
      window.removeEventListener('error', onError, true);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** Every element under `root` (itself included), descending into every open shadow root. */
export function deepElements(root: Element | ShadowRoot | Document): Element[] {
  const out: Element[] = [];
  const visit = (node: Element | ShadowRoot | Document) => {
    if (node instanceof Element) {
      out.push(node);
      if (node.shadowRoot) visit(node.shadowRoot);
    }
    for (const child of Array.from(node.children)) visit(child);
  };
  visit(root);
  return out;
}

/** Every open shadow root under `root`, nested ones included. */
export function deepShadowRoots(root: Element | ShadowRoot | Document): ShadowRoot[] {
  return deepElements(root)
    .map((el) => el.shadowRoot)
    .filter((r): r is ShadowRoot => r !== null);
}

/** The text of `root`, its light DOM and every nested shadow root. */
export function deepText(root: Element | ShadowRoot): string {
  const parts: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.nodeValue ?? '');
    if (node instanceof Element && node.shadowRoot) visit(node.shadowRoot);
    for (const child of Array.from(node.childNodes)) visit(child);
  };
  visit(root);
  return parts.join('');
}

/** Whitespace out, for comparing text that layout templates wrap in whitespace. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

/** What a reader sees of message text after WhatsApp formatting (markers gone, text kept). */
export function formattedText(text: string): string {
  const inline = (nodes: WhatsAppInline[]): string =>
    nodes.map((n) => ('children' in n ? inline(n.children) : n.text)).join('');
  return parseWhatsApp(text)
    .map((b) => (b.type === 'list' ? b.items.map(inline).join('') : inline(b.children)))
    .join('');
}

/** Tags a payload could create and no element of ours renders. */
const FORBIDDEN_TAGS = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'style',
  'link',
  'meta',
  'base',
  'math',
  'marquee',
  'details',
  'template',
  'noscript',
  'portal',
  'param',
  'source',
  'track',
  'body',
  'html',
  'head',
  'title',
  'xmp',
  'plaintext',
  'listing',
  'b',
  'i',
  'u',
  'font',
  'center',
]);

/** The SVG our icons use; anything else in the SVG namespace came from somewhere else. */
const SVG_ALLOWED = new Set(['svg', 'path', 'circle', 'rect', 'g', 'line', 'polyline', 'polygon', 'ellipse', 'title']);

const URL_ATTRIBUTES = [
  'href',
  'src',
  'xlink:href',
  'action',
  'formaction',
  'poster',
  'data',
  'srcset',
  'background',
  'ping',
  'cite',
  'longdesc',
  'codebase',
  'lowsrc',
  'dynsrc',
];

const SVG_NS = 'http://www.w3.org/2000/svg';
const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';

export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function describe(el: Element): string {
  const root = el.getRootNode();
  const host = root instanceof ShadowRoot ? root.host.localName : 'document';
  return `<${el.localName}> in ${host}`;
}

/**
 * What is wrong in `root` and every shadow root under it: forbidden elements,
 * foreign SVG/MathML, inline event handlers, style elements, URLs that are not
 * http(s), style attributes with url()/expression(), and adopted style sheets
 * that are not the element's own. An empty array means clean.
 */
export function auditDom(root: Element | ShadowRoot | Document): string[] {
  const problems: string[] = [];
  for (const el of deepElements(root)) {
    const tag = el.localName.toLowerCase();
    if (el.namespaceURI === SVG_NS) {
      if (!SVG_ALLOWED.has(tag)) problems.push(`foreign SVG element ${describe(el)}`);
    } else if (el.namespaceURI === MATHML_NS) {
      problems.push(`MathML element ${describe(el)}`);
    } else if (FORBIDDEN_TAGS.has(tag)) {
      problems.push(`forbidden element ${describe(el)}`);
    }
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on'))
        problems.push(`inline handler ${name}="${attr.value.slice(0, 60)}" on ${describe(el)}`);
      if (name === 'srcdoc') problems.push(`srcdoc on ${describe(el)}`);
      if (name === 'style' && /url\s*\(|expression\s*\(|javascript:|@import|behavior\s*:/i.test(attr.value)) {
        problems.push(`style attribute "${attr.value.slice(0, 60)}" on ${describe(el)}`);
      }
      if (URL_ATTRIBUTES.includes(name)) {
        const values = name === 'srcset' ? attr.value.split(',').map((c) => c.trim().split(/\s+/)[0]) : [attr.value];
        for (const v of values) {
          if (!isHttpUrl(v)) problems.push(`${name}="${v.slice(0, 60)}" (not http(s)) on ${describe(el)}`);
        }
      }
    }
  }
  for (const shadow of deepShadowRoots(root)) {
    const ctor = shadow.host.constructor as { elementStyles?: Array<CSSStyleSheet | { styleSheet?: CSSStyleSheet }> };
    if (!ctor.elementStyles) continue;
    const own = new Set(ctor.elementStyles.map((s) => (s instanceof CSSStyleSheet ? s : s.styleSheet)).filter(Boolean));
    for (const sheet of shadow.adoptedStyleSheets) {
      if (!own.has(sheet)) problems.push(`adopted style sheet that is not ${shadow.host.localName}'s own`);
    }
  }
  return problems;
}

/** Counts of the page-level elements a payload could add. */
export function documentSnapshot(): Record<string, number> {
  const count = (selector: string) => document.querySelectorAll(selector).length;
  return {
    script: count('script'),
    style: count('style'),
    link: count('link'),
    iframe: count('iframe'),
    object: count('object, embed'),
    meta: count('meta'),
    base: count('base'),
    adoptedSheets: document.adoptedStyleSheets.length,
    prototypeKeys: Object.getOwnPropertyNames(Object.prototype).length,
    arrayPrototypeKeys: Object.getOwnPropertyNames(Array.prototype).length,
  };
}

/** Whether anything polluted Object.prototype with the corpus's `polluted` key. */
export function prototypePolluted(): boolean {
  const probe = {} as Record<string, unknown>;
  return 'polluted' in probe || 'polluted' in Object.prototype || 'polluted' in Array.prototype;
}

/** Captures console.warn calls (still printing nothing) until `restore()`. */
export function captureWarnings(): { warnings: string[]; restore(): void } {
  const original = console.warn;
  const warnings: string[] = [];
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  return {
    warnings,
    restore() {
      console.warn = original;
    },
  };
}
