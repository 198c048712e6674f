import { describe, expect, it } from "vitest";
import { browserZoneCookie, dayKey, formatTime, formatUtc, parseTimeModeCookie, parseZone, timeModeCookie, utcIso, zoneFor } from "./format";

const iso = "2026-12-01T23:27:14Z";

describe("formatTime", () => {
  it("names the zone in every style", () => {
    expect(formatTime(iso, "UTC", "datetime")).toBe("01 Dec 2026, 23:27:14 UTC");
    expect(formatTime(iso, "UTC", "time")).toBe("23:27 UTC");
    expect(formatTime(iso, "UTC", "date")).toBe("Tue, 01 Dec 2026");
  });

  it("writes the given zone whatever the machine's zone is (server and browser agree)", () => {
    expect(formatTime(iso, "Europe/Paris", "datetime")).toBe("02 Dec 2026, 00:27:14 CET");
    expect(formatTime(iso, "Europe/Paris", "date")).toBe("Wed, 02 Dec 2026");
    expect(formatTime(iso, "America/New_York", "time")).toBe("18:27 GMT-5");
  });

  it("gives back a value that is not a date unchanged", () => {
    expect(formatTime("yesterday", "UTC")).toBe("yesterday");
    expect(formatUtc("yesterday")).toBe("yesterday");
    expect(dayKey("yesterday", "UTC")).toBeUndefined();
  });

  it("writes UTC for titles and exports", () => {
    expect(formatUtc(iso)).toBe("2026-12-01 23:27:14 UTC");
  });

  it("groups by the day in the chosen zone", () => {
    expect(dayKey(iso, "UTC")).toBe("2026-12-01");
    expect(dayKey(iso, "Europe/Paris")).toBe("2026-12-02");
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

describe("browser zone cookie", () => {
  it("keeps zone names Intl knows and refuses anything else", () => {
    expect(parseZone("Europe/Paris")).toBe("Europe/Paris");
    expect(parseZone("America/Argentina/Buenos_Aires")).toBe("America/Argentina/Buenos_Aires");
    expect(parseZone("Etc/GMT+5")).toBe("Etc/GMT+5");
    expect(parseZone(undefined)).toBeUndefined();
    expect(parseZone("Mars/Olympus")).toBeUndefined();
    expect(parseZone("Europe/Paris; x=1")).toBeUndefined();
    expect(parseZone("<script>")).toBeUndefined();
  });

  it("is remembered for a year and read back as written", () => {
    const cookie = browserZoneCookie("America/New_York");
    expect(cookie).toBe("triage-zone=America/New_York; Path=/; Max-Age=31536000; SameSite=Lax");
    expect(parseZone(cookie.slice("triage-zone=".length, cookie.indexOf(";")))).toBe("America/New_York");
  });

  it("UTC mode overrides the browser's zone", () => {
    expect(zoneFor("utc", "Europe/Paris")).toBe("UTC");
    expect(zoneFor("local", "Europe/Paris")).toBe("Europe/Paris");
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
