// Fault injection for resilience tests. Rules are checked in order; every matching rule that
// fires adds its latency, and the first one with an effect (status, timeout, malformed,
// pendingSearch, unreadableEntry) decides the answer.
import { createRng, type Rng } from "./prng";

export interface FaultRule {
  match?: string;
  method?: string;
  latencyMs?: number;
  status?: number;
  retryAfter?: number;
  errorRate?: number;
  timeout?: boolean;
  malformed?: boolean;
  pendingSearch?: boolean;
  /** A list's reply gains one entry no reader can use (`null`), as a Cloudflare bug might send. */
  unreadableEntry?: boolean;
  times?: number;
}

export interface FaultDecision {
  latencyMs: number;
  effect: FaultRule | null;
}

interface ActiveRule {
  rule: FaultRule;
  remaining: number;
}

const SEARCH_PATH = /^\/accounts\/[^/]+\/email-security\/investigate\/?$/;

export function isSearchPath(path: string): boolean {
  return SEARCH_PATH.test(path);
}

export function validateFaultRules(value: unknown): FaultRule[] {
  if (!Array.isArray(value)) throw new Error("rules must be an array");
  return value.map((raw, i) => {
    if (!raw || typeof raw !== "object") throw new Error(`rules[${i}] must be an object`);
    const r = raw as Record<string, unknown>;
    const num = (k: string): void => {
      if (r[k] !== undefined && (typeof r[k] !== "number" || !Number.isFinite(r[k]) || (r[k] as number) < 0)) throw new Error(`rules[${i}].${k} must be a non-negative number`);
    };
    const str = (k: string): void => {
      if (r[k] !== undefined && typeof r[k] !== "string") throw new Error(`rules[${i}].${k} must be a string`);
    };
    const bool = (k: string): void => {
      if (r[k] !== undefined && typeof r[k] !== "boolean") throw new Error(`rules[${i}].${k} must be a boolean`);
    };
    ["latencyMs", "status", "retryAfter", "errorRate", "times"].forEach(num);
    ["match", "method"].forEach(str);
    ["timeout", "malformed", "pendingSearch", "unreadableEntry"].forEach(bool);
    if (typeof r.status === "number" && (r.status < 100 || r.status > 599)) throw new Error(`rules[${i}].status must be an HTTP status`);
    if (typeof r.errorRate === "number" && r.errorRate > 1) throw new Error(`rules[${i}].errorRate must be between 0 and 1`);
    return r as FaultRule;
  });
}

export class FaultEngine {
  private rules: ActiveRule[] = [];
  private rng: Rng;

  constructor(private readonly seed: number) {
    this.rng = createRng(seed ^ 0x5eed);
  }

  set(rules: FaultRule[]): void {
    // Re-seeding on every replace makes "errorRate 0.3" fail the same calls each run.
    this.rng = createRng(this.seed ^ 0x5eed);
    this.rules = rules.map((rule) => ({ rule: { ...rule }, remaining: rule.times ?? Number.POSITIVE_INFINITY }));
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r.rule, ...(Number.isFinite(r.remaining) ? { times: r.remaining } : {}) }));
  }

  decide(method: string, paths: readonly string[]): FaultDecision {
    let latencyMs = 0;
    let effect: FaultRule | null = null;
    const search = paths.some(isSearchPath);
    for (const active of this.rules) {
      const { rule } = active;
      if (active.remaining <= 0) continue;
      if (rule.method && rule.method.toUpperCase() !== method) continue;
      if (rule.match ? !paths.some((p) => p.includes(rule.match ?? "")) : !paths.some((p) => p.includes("/email-security/investigate"))) continue;
      const hasEffect =
        rule.status !== undefined || rule.timeout === true || rule.malformed === true || rule.pendingSearch === true || rule.unreadableEntry === true;
      if (rule.pendingSearch && !rule.status && !rule.timeout && !rule.malformed && !(search && method === "GET")) continue;
      if (hasEffect && effect) continue; // a later effect cannot override the first
      if (rule.errorRate !== undefined && !(this.rng.next() < rule.errorRate)) continue;
      active.remaining--;
      latencyMs += rule.latencyMs ?? 0;
      if (hasEffect) effect = rule;
    }
    this.rules = this.rules.filter((r) => r.remaining > 0);
    return { latencyMs, effect };
  }
}
