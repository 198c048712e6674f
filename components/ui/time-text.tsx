"use client";

import { createContext, useContext, useState, type ReactNode } from "react";
import { formatTime, formatUtc, timeModeCookie, timeModeSchema, type TimeMode, type TimeStyle } from "@/lib/time/format";

const TimeModeContext = createContext<{ mode: TimeMode; setMode: (mode: TimeMode) => void }>({
  mode: "local",
  setMode: () => {},
});

/**
 * Local time or UTC for every time on the page, chosen per browser (a cookie the server reads,
 * so the first render already uses it).
 */
export function TimeModeProvider({ initial, children }: { initial: TimeMode; children: ReactNode }) {
  const [mode, setModeState] = useState<TimeMode>(initial);
  const setMode = (next: TimeMode) => {
    setModeState(next);
    document.cookie = timeModeCookie(next);
  };
  return <TimeModeContext.Provider value={{ mode, setMode }}>{children}</TimeModeContext.Provider>;
}

export function useTimeMode(): TimeMode {
  return useContext(TimeModeContext).mode;
}

/**
 * A time as the console writes it everywhere: in the chosen zone with the zone named, the exact
 * UTC time on hover (and to assistive technology through `dateTime`).
 */
export function TimeText({ iso, style = "datetime", className }: { iso: string; style?: TimeStyle; className?: string }) {
  const mode = useTimeMode();
  return (
    <time dateTime={iso} title={formatUtc(iso)} className={className ?? "whitespace-nowrap tabular-nums"}>
      {formatTime(iso, mode, style)}
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
