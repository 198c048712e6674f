import { z } from "zod";

/**
 * The analyst's colour theme, remembered per browser in a cookie so the server can write it on
 * <html data-theme> before the first paint: no flash of the wrong theme, and no inline script
 * for the nonce CSP to weigh. "system" (no cookie) follows `prefers-color-scheme`.
 */
export const THEME_COOKIE = "triage-theme";
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export const themeSchema = z.enum(THEMES);

/** A cookie value from the request: anything but "light" or "dark" means "follow the system". */
export function parseThemeCookie(value: string | undefined): Theme {
  const parsed = themeSchema.safeParse(value);
  return parsed.success ? parsed.data : "system";
}

/** The `data-theme` attribute for a theme; none for "system". */
export function themeAttribute(theme: Theme): "light" | "dark" | undefined {
  return theme === "system" ? undefined : theme;
}

/** A year, path-wide; not HttpOnly because the page itself changes it. Lax like the session. */
export function themeCookie(theme: Theme): string {
  return theme === "system"
    ? `${THEME_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax`
    : `${THEME_COOKIE}=${theme}; Path=/; Max-Age=31536000; SameSite=Lax`;
}
