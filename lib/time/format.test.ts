import { describe, expect, it } from "vitest";
import { dayKey, formatTime, formatUtc, parseTimeModeCookie, timeModeCookie, utcIso } from "./format";

const iso = "2026-12-01T23:27:14Z";

describe("formatTime", () => {
  it("names the zone in every style", () => {
    expect(formatTime(iso, "utc", "datetime")).toBe("01 Dec 2026, 23:27:14 UTC");
    expect(formatTime(iso, "utc", "time")).toBe("23:27 UTC");
    expect(formatTime(iso, "utc", "date")).toBe("Tue, 01 Dec 2026");
  });

  it("writes local time with the local zone's name", () => {
    // vitest runs in the machine's zone; whatever it is, the text ends with a zone name.
    expect(formatTime(iso, "local", "time")).toMatch(/^\d{2}:\d{2} \S+$/);
  });

  it("gives back a value that is not a date unchanged", () => {
    expect(formatTime("yesterday", "utc")).toBe("yesterday");
    expect(formatUtc("yesterday")).toBe("yesterday");
    expect(dayKey("yesterday")).toBeUndefined();
  });

  it("writes UTC for titles and exports", () => {
    expect(formatUtc(iso)).toBe("2026-12-01 23:27:14 UTC");
  });

  it("groups by the day in the chosen zone", () => {
    expect(dayKey(iso, "utc")).toBe("2026-12-01");
  });
});

describe("time mode cookie", () => {
  it.each([
    [undefined, "local"],
    ["utc", "utc"],
    ["UTC", "local"],
    ["local", "local"],
    ["utc; x=1", "local"],
  ])("reads %j as %s", (value, mode) => {
    expect(parseTimeModeCookie(value)).toBe(mode);
  });

  it("remembers UTC and forgets local", () => {
    expect(timeModeCookie("utc")).toBe("triage-time=utc; Path=/; Max-Age=31536000; SameSite=Lax");
    expect(timeModeCookie("local")).toMatch(/^triage-time=; Path=\/; Max-Age=0/);
  });
});

describe("utcIso", () => {
  it.each([
    ["2026-12-01T11:32:36Z", "2026-12-01T11:32:36Z"],
    ["2026-12-01T12:32:36+01:00", "2026-12-01T11:32:36Z"],
    ["2026-12-01T11:32:36.250Z", "2026-12-01T11:32:36.250Z"],
    ["not a date", "not a date"],
  ])("%s → %s", (input, expected) => {
    expect(utcIso(input)).toBe(expected);
  });
});
