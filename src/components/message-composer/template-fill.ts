/**
 * Pure helpers for approved message templates: the placeholders of a body,
 * the fields an agent fills, validation, the live preview, and the variables
 * in the shape the backend takes (a key → value map, or a positional array).
 *
 * No DOM and no Lit: `<message-composer>` renders what these return.
 */
import type { Capabilities, Template, TemplateVariable } from '../../data/models.js';

/** How the backend sends templates (`capabilities.send.template`). */
export type TemplateSendMode = Capabilities['send']['template'];

/** Values typed by the agent, by placeholder key. */
export type TemplateValues = Record<string, string>;

/** Why a value is not accepted. */
export type TemplateProblem = 'required' | 'pattern';

/** A piece of the preview: plain body text, or a placeholder with its value (if any). */
export type PreviewSegment = { text: string; key?: undefined } | { key: string; value: string; filled: boolean };

/**
 * The value typed for `key`, read as an own property only: placeholder keys
 * come from the backend, and `{{constructor}}` or `{{__proto__}}` must not
 * read members of Object.prototype.
 */
export function ownValue(values: TemplateValues, key: string): string | undefined {
  if (!Object.hasOwn(values, key)) return undefined;
  const value: unknown = values[key];
  return typeof value === 'string' ? value : undefined;
}

/** `{{1}}`, `{{ name }}`, `{{customer.name}}`. */
const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;

/** The placeholder keys of a body, each once, in order of appearance. */
export function placeholderKeys(body: string | undefined): string[] {
  if (!body) return [];
  const keys: string[] = [];
  for (const match of body.matchAll(PLACEHOLDER)) {
    if (!keys.includes(match[1])) keys.push(match[1]);
  }
  return keys;
}

/**
 * The fields an agent fills: the template's declared variables, then any
 * placeholder of the body it does not declare (required). Positional keys
 * (`1`, `2`…) are sorted by number. Sending by name only (`by-name`) takes no
 * variables, so there is nothing to fill.
 */
export function templateFields(
  template: Template,
  mode: TemplateSendMode = 'by-name-with-variables',
): TemplateVariable[] {
  if (mode === 'none' || mode === 'by-name') return [];
  const declared = (template.variables ?? []).filter((v) => v && typeof v.key === 'string' && v.key !== '');
  const seen = new Set(declared.map((v) => v.key));
  const fields: TemplateVariable[] = [...declared];
  for (const key of placeholderKeys(template.body)) {
    if (!seen.has(key)) {
      fields.push({ key });
      seen.add(key);
    }
  }
  if (fields.length > 1 && fields.every((f) => isPositionalKey(f.key))) {
    fields.sort((a, b) => Number(a.key) - Number(b.key));
  }
  return fields;
}

/** True unless the variable says `required: false`. */
export function isRequired(variable: TemplateVariable): boolean {
  return variable.required !== false;
}

function isPositionalKey(key: string): boolean {
  return /^[1-9][0-9]*$/.test(key);
}

const patternCache = new Map<string, RegExp | null>();

/**
 * The variable's pattern as an anchored RegExp (like the HTML `pattern`
 * attribute, it must match the whole value); null when there is none or it
 * does not compile.
 */
export function compilePattern(pattern: string | undefined): RegExp | null {
  if (!pattern) return null;
  if (patternCache.has(pattern)) return patternCache.get(pattern)!;
  let re: RegExp | null = null;
  for (const flags of ['v', 'u', '']) {
    try {
      re = new RegExp(`^(?:${pattern})$`, flags);
      break;
    } catch {
      /* try the next flags */
    }
  }
  patternCache.set(pattern, re);
  return re;
}

/** The problem with one value, or undefined when it is acceptable. */
export function checkValue(variable: TemplateVariable, value: string | undefined): TemplateProblem | undefined {
  const v = (value ?? '').trim();
  if (!v) return isRequired(variable) ? 'required' : undefined;
  const re = compilePattern(variable.pattern);
  if (re && !re.test(v)) return 'pattern';
  return undefined;
}

/** Every field's problem by key; an empty object means the template can be sent. */
export function validateTemplate(
  template: Template,
  values: TemplateValues,
  mode: TemplateSendMode = 'by-name-with-variables',
): Record<string, TemplateProblem> {
  const problems: Array<[string, TemplateProblem]> = [];
  for (const field of templateFields(template, mode)) {
    const problem = checkValue(field, ownValue(values, field.key));
    if (problem) problems.push([field.key, problem]);
  }
  // fromEntries defines own properties, so a `__proto__` key stays a key
  return Object.fromEntries(problems);
}

/**
 * The body split into text and placeholders, with the values typed so far,
 * for a live preview. Without a body, the template's name stands in.
 */
export function previewSegments(
  template: Template,
  values: TemplateValues,
  mode: TemplateSendMode = 'by-name-with-variables',
): PreviewSegment[] {
  const body = template.body ?? '';
  if (!body) return [{ text: template.name }];
  const fillable = new Set(templateFields(template, mode).map((f) => f.key));
  const segments: PreviewSegment[] = [];
  let last = 0;
  for (const match of body.matchAll(PLACEHOLDER)) {
    const index = match.index ?? 0;
    if (index > last) segments.push({ text: body.slice(last, index) });
    const key = match[1];
    const value = fillable.has(key) ? (ownValue(values, key) ?? '').trim() : '';
    segments.push({ key, value, filled: value !== '' });
    last = index + match[0].length;
  }
  if (last < body.length) segments.push({ text: body.slice(last) });
  return segments;
}

/**
 * The text the message will read as: placeholders replaced by their values;
 * an empty optional value leaves nothing, a placeholder the backend fills
 * (sending by name) stays as written.
 */
export function previewText(
  template: Template,
  values: TemplateValues,
  mode: TemplateSendMode = 'by-name-with-variables',
): string {
  return previewSegments(template, values, mode)
    .map((s) => (s.key === undefined ? s.text : s.filled ? s.value : fillableEmpty(template, s.key, mode)))
    .join('');
}

function fillableEmpty(template: Template, key: string, mode: TemplateSendMode): string {
  return templateFields(template, mode).some((f) => f.key === key) ? '' : `{{${key}}}`;
}

/**
 * The variables in the shape the backend takes: a key → value map
 * (`by-name-with-variables`, e.g. cloove), a positional array
 * (`by-name-language-params`, e.g. vobiz; `{{1}}` is index 0), or nothing
 * (`by-name`, `none`, or a template without variables). Values are trimmed;
 * an empty optional value is left out of a map and sent as `''` in an array
 * so later positions keep their place.
 */
export function templateVariables(
  template: Template,
  values: TemplateValues,
  mode: TemplateSendMode,
): Record<string, string> | string[] | undefined {
  const fields = templateFields(template, mode);
  if (!fields.length) return undefined;
  if (mode === 'by-name-language-params') {
    if (fields.every((f) => isPositionalKey(f.key))) {
      const size = Math.max(...fields.map((f) => Number(f.key)));
      const out: string[] = Array.from({ length: size }, () => '');
      for (const f of fields) out[Number(f.key) - 1] = (ownValue(values, f.key) ?? '').trim();
      return out;
    }
    return fields.map((f) => (ownValue(values, f.key) ?? '').trim());
  }
  const out: Array<[string, string]> = [];
  for (const f of fields) {
    const v = (ownValue(values, f.key) ?? '').trim();
    if (v) out.push([f.key, v]);
  }
  // fromEntries defines own properties, so a `__proto__` key stays a key
  return Object.fromEntries(out);
}
