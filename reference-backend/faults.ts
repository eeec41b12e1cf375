/**
 * Fault injection for the reference backend: a rule list consulted for every
 * dialect request (after it is recorded, before the dialect handler runs).
 */

export interface FaultRule {
  /** Only requests to this dialect (e.g. 'qlara'); any dialect when absent. */
  dialect?: string;
  /** HTTP method, case-insensitive; any method when absent. */
  method?: string;
  /** Substring, or regular expression, of the path after `/ref/<dialect>`. */
  path?: string | RegExp;
  /** Answer with this status instead of calling the handler. */
  status?: number;
  /** Body of the injected answer: a string is sent as is, anything else as JSON. */
  body?: unknown;
  /** Extra response headers (on the injected answer, or merged into the handler's). */
  headers?: Record<string, string>;
  /** Seconds, sent as the Retry-After header. */
  retryAfter?: number;
  /** Wait this long first, then answer (the fault's status, or the handler). */
  latencyMs?: number;
  /** Drop the connection: fetch rejects with a network error. */
  drop?: boolean;
  /** How many requests the rule applies to; Infinity when absent. */
  times?: number;
}

interface StoredRule {
  id: number;
  rule: FaultRule;
  remaining: number;
}

export class FaultInjector {
  private rules: StoredRule[] = [];
  private nextId = 1;

  /** Adds a rule; returns its id (for `remove`). Earlier rules win. */
  add(rule: FaultRule): number {
    const id = this.nextId++;
    const times = rule.times ?? Infinity;
    if (times > 0) this.rules.push({ id, rule: { ...rule }, remaining: times });
    return id;
  }

  remove(id: number): void {
    this.rules = this.rules.filter((r) => r.id !== id);
  }

  clear(): void {
    this.rules = [];
  }

  /** The active rules with their ids and remaining counts (for the control endpoint). */
  list(): Array<FaultRule & { id: number; remaining: number }> {
    return this.rules.map((r) => ({ ...r.rule, id: r.id, remaining: r.remaining }));
  }

  /** The first rule matching the request, consuming one of its `times`. */
  match(dialect: string, method: string, path: string): FaultRule | undefined {
    for (const stored of this.rules) {
      const { rule } = stored;
      if (rule.dialect !== undefined && rule.dialect.toLowerCase() !== dialect.toLowerCase()) continue;
      if (rule.method !== undefined && rule.method.toUpperCase() !== method.toUpperCase()) continue;
      if (rule.path !== undefined && !pathMatches(rule.path, path)) continue;
      stored.remaining--;
      if (stored.remaining <= 0) this.remove(stored.id);
      return rule;
    }
    return undefined;
  }
}

function pathMatches(pattern: string | RegExp, path: string): boolean {
  if (typeof pattern === 'string') return path.includes(pattern);
  pattern.lastIndex = 0;
  return pattern.test(path);
}
