import { z } from "zod";

/**
 * The console's one way of writing a time. Local time with the zone named by default ("13:27
 * CET"), UTC when the analyst switches to it (per browser), and always UTC in hover titles and
 * exports, so two analysts in different zones can compare what they copied.
 */

export const TIME_ZONE_COOKIE = "triage-time";
export const TIME_MODES = ["local", "utc"] as const;
export type TimeMode = (typeof TIME_MODES)[number];
export const timeModeSchema = z.enum(TIME_MODES);

/** A cookie value from the request: anything but "utc" means local time. */
export function parseTimeModeCookie(value: string | undefined): TimeMode {
  return value === "utc" ? "utc" : "local";
}

/** A year, path-wide, Lax like the theme; local (the default) forgets the cookie. */
export function timeModeCookie(mode: TimeMode): string {
  return mode === "utc"
    ? `${TIME_ZONE_COOKIE}=utc; Path=/; Max-Age=31536000; SameSite=Lax`
    : `${TIME_ZONE_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax`;
}

/**
 * Where the browser is, remembered per browser as an IANA zone name ("Europe/Paris") so the
 * server can write its first render in the analyst's zone. Without it (a first visit) the server
 * writes UTC, named as such, and the browser moves to its own zone once hydrated.
 */
export const BROWSER_ZONE_COOKIE = "triage-zone";
/** The zone a page is written in when the browser's is not known yet. */
export const FALLBACK_ZONE = "UTC";

/** An IANA zone name Intl knows, else undefined (a cookie is only a claim). */
export function parseZone(value: string | undefined): string | undefined {
  if (!value || value.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(value)) return undefined;
  try {
    // Kept as written (not Intl's canonical name), so the browser finds its own zone unchanged.
    new Intl.DateTimeFormat("en-GB", { timeZone: value });
    return value;
  } catch {
    return undefined;
  }
}

export function browserZoneCookie(zone: string): string {
  return `${BROWSER_ZONE_COOKIE}=${zone}; Path=/; Max-Age=31536000; SameSite=Lax`;
}

/** The zone times are written in: UTC when chosen, else the analyst's zone. */
export function zoneFor(mode: TimeMode, localZone: string): string {
  return mode === "utc" ? "UTC" : localZone;
}

export type TimeStyle = "datetime" | "time" | "date";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string, style: TimeStyle): Intl.DateTimeFormat {
  const key = `${zone}:${style}`;
  let f = formatters.get(key);
  if (!f) {
    const date = { year: "numeric", month: "short", day: "2-digit" } as const;
    const time = { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" } as const;
    const parts = style === "date" ? { weekday: "short", ...date } : style === "time" ? time : { ...date, ...time, second: "2-digit" };
    f = new Intl.DateTimeFormat("en-GB", { ...parts, timeZone: zone } as Intl.DateTimeFormatOptions);
    formatters.set(key, f);
  }
  return f;
}

/** Milliseconds since the epoch, or undefined when the value is not a date. */
function epoch(iso: string): number | undefined {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * "01 Dec 2026, 13:27:14 CET" (datetime), "13:27 CET" (time) or "Tue, 01 Dec 2026" (date), in
 * the given IANA zone; the raw value when it is not a date. The zone is always explicit: the
 * server and the browser must write the same text for the same page.
 */
export function formatTime(iso: string, zone: string, style: TimeStyle = "datetime"): string {
  const ms = epoch(iso);
  return ms === undefined ? iso : formatter(zone, style).format(ms);
}

/** "2026-12-01 12:27:14 UTC": hover titles, exports and anything meant to be compared. */
export function formatUtc(iso: string): string {
  const ms = epoch(iso);
  if (ms === undefined) return iso;
  return `${new Date(ms).toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/**
 * "2026-12-01T11:32:36Z": exports write every time as UTC ISO 8601 (seconds, milliseconds only
 * when there are some), whatever offset the source used, so files from two zones sort and compare.
 * The raw value when it is not a date.
 */
export function utcIso(iso: string): string {
  const ms = epoch(iso);
  return ms === undefined ? iso : new Date(ms).toISOString().replace(/\.000Z$/, "Z");
}

/** The calendar day a time falls on in the given zone ("2026-12-01"), for day separators. */
export function dayKey(iso: string, zone: string): string | undefined {
  const ms = epoch(iso);
  if (ms === undefined) return undefined;
  let f = formatters.get(`${zone}:day`);
  if (!f) {
    // en-CA writes dates as YYYY-MM-DD.
    f = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: zone });
    formatters.set(`${zone}:day`, f);
  }
  return f.format(ms);
}
