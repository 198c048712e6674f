// Deterministic randomness: every generated value derives from the seed, so two simulators
// created with the same seed serve byte-identical data and tests can pin exact ids.

export interface Rng {
  next(): number; // [0, 1)
  int(min: number, maxInclusive: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  hex(length: number): string;
  alnum(length: number): string;
}

export function hashString(text: string, seed = 0): number {
  // FNV-1a, mixed with the seed so different streams do not collide.
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return mix32(h);
}

function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d) >>> 0;
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

export function createRng(seed: number): Rng {
  let state = mix32(seed ^ 0x9e3779b9) || 1;
  const next = (): number => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, maxInclusive: number): number => min + Math.floor(next() * (maxInclusive - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error("pick from empty list");
      return item;
    },
    weighted<T>(entries: readonly (readonly [T, number])[]): T {
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      let roll = next() * total;
      for (const [value, weight] of entries) {
        roll -= weight;
        if (roll < 0) return value;
      }
      const last = entries[entries.length - 1];
      if (!last) throw new Error("weighted pick from empty list");
      return last[0];
    },
    hex(length) {
      // Hot path: ~40k hashes at start-up, so four table lookups per draw instead of toString/padStart.
      let out = "";
      while (out.length < length) {
        const x = (next() * 4294967296) >>> 0;
        out += HEX_BYTE[x & 0xff]! + HEX_BYTE[(x >>> 8) & 0xff]! + HEX_BYTE[(x >>> 16) & 0xff]! + HEX_BYTE[x >>> 24]!;
      }
      return out.length === length ? out : out.slice(0, length);
    },
    alnum(length) {
      let out = "";
      for (let i = 0; i < length; i++) out += ALNUM[Math.floor(next() * ALNUM.length)];
      return out;
    },
  };
}

/** A version-4-shaped UUID that is a pure function of its inputs. */
export function deterministicUuid(seed: number, label: string): string {
  const rng = createRng(hashString(label, seed));
  const hex = rng.hex(32).split("");
  hex[12] = "4";
  hex[16] = "89ab"[rng.int(0, 3)] ?? "8";
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Fast pseudo-random bytes for synthetic attachment bodies (xorshift32, 4 bytes a step). */
export function pseudoRandomBytes(seed: number, length: number): Buffer {
  const out = Buffer.allocUnsafe(length);
  let x = mix32(seed) || 0x1234567;
  let i = 0;
  for (; i + 4 <= length; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out.writeUInt32LE(x >>> 0, i);
  }
  for (; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}
