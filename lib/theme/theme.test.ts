import { describe, expect, it } from "vitest";
import { parseThemeCookie, themeAttribute, themeCookie } from "./theme";

describe("theme cookie", () => {
  it.each([
    [undefined, "system"],
    ["", "system"],
    ["light", "light"],
    ["dark", "dark"],
    ["system", "system"],
    ["DARK", "system"],
    ["dark; injected", "system"],
  ])("reads %j as %s", (value, theme) => {
    expect(parseThemeCookie(value)).toBe(theme);
  });

  it("writes no attribute for the system theme, so CSS follows prefers-color-scheme", () => {
    expect(themeAttribute("system")).toBeUndefined();
    expect(themeAttribute("dark")).toBe("dark");
  });

  it("remembers a choice for a year and forgets it for the system theme", () => {
    expect(themeCookie("dark")).toBe("triage-theme=dark; Path=/; Max-Age=31536000; SameSite=Lax");
    expect(themeCookie("system")).toMatch(/^triage-theme=; Path=\/; Max-Age=0/);
  });
});
