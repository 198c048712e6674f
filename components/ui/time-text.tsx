"use client";

import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from "react";
import {
  browserZoneCookie,
  FALLBACK_ZONE,
  formatTime,
  formatUtc,
  timeModeCookie,
  timeModeSchema,
  zoneFor,
  type TimeMode,
  type TimeStyle,
} from "@/lib/time/format";

const TimeModeContext = createContext<{ mode: TimeMode; setMode: (mode: TimeMode) => void; zone: string }>({
  mode: "local",
  setMode: () => {},
  zone: FALLBACK_ZONE,
});

const noSubscription = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || FALLBACK_ZONE;

/**
 * Local time or UTC for every time on the page, chosen per browser (a cookie the server reads,
 * so the first render already uses it). "Local" is the browser's zone, which the server knows
 * from a second cookie once this browser has been here: the server's HTML and the hydrating
 * render then write the same text. On a first visit both write UTC (named as such), and the
 * browser moves to its own zone right after hydration, which React allows for an external store.
 */
export function TimeModeProvider({
  initial,
  knownZone,
  children,
}: {
  initial: TimeMode;
  /** The browser's zone as its cookie told the server; undefined on a first visit. */
  knownZone: string | undefined;
  children: ReactNode;
}) {
  const [mode, setModeState] = useState<TimeMode>(initial);
  const localZone = useSyncExternalStore(noSubscription, browserZone, () => knownZone ?? FALLBACK_ZONE);
  useEffect(() => {
    if (localZone !== knownZone) document.cookie = browserZoneCookie(localZone);
  }, [localZone, knownZone]);
  const setMode = (next: TimeMode) => {
    setModeState(next);
    document.cookie = timeModeCookie(next);
  };
  return <TimeModeContext.Provider value={{ mode, setMode, zone: zoneFor(mode, localZone) }}>{children}</TimeModeContext.Provider>;
}

/** The IANA zone times are written in right now (UTC when chosen or not yet known). */
export function useTimeZone(): string {
  return useContext(TimeModeContext).zone;
}

/**
 * A time as the console writes it everywhere: in the chosen zone with the zone named, the exact
 * UTC time on hover (and to assistive technology through `dateTime`).
 */
export function TimeText({ iso, style = "datetime", className }: { iso: string; style?: TimeStyle; className?: string }) {
  const zone = useTimeZone();
  return (
    <time dateTime={iso} title={formatUtc(iso)} className={className ?? "whitespace-nowrap tabular-nums"}>
      {formatTime(iso, zone, style)}
    </time>
  );
}

const LABELS: Record<TimeMode, string> = { local: "Local time", utc: "UTC" };

/** The header's switch between local time and UTC. */
export function TimeModeSelect({ className }: { className: string }) {
  const { mode, setMode } = useContext(TimeModeContext);
  return (
    <select
      aria-label="Time zone"
      value={mode}
      onChange={(e) => setMode(timeModeSchema.catch("local").parse(e.target.value))}
      className={className}
    >
      {(Object.keys(LABELS) as TimeMode[]).map((m) => (
        <option key={m} value={m}>
          {LABELS[m]}
        </option>
      ))}
    </select>
  );
}
