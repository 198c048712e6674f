"use client";

import { useState } from "react";
import { THEMES, themeAttribute, themeCookie, themeSchema, type Theme } from "@/lib/theme/theme";

const LABELS: Record<Theme, string> = { system: "System theme", light: "Light", dark: "Dark" };

/**
 * Light, dark or the system's: applied at once on <html> and remembered in a cookie the server
 * reads on the next page, so a reload paints the chosen theme from the first frame.
 */
export function ThemeSelect({ initial, className }: { initial: Theme; className: string }) {
  const [theme, setTheme] = useState<Theme>(initial);
  const choose = (value: string) => {
    const next = themeSchema.catch("system").parse(value);
    setTheme(next);
    const attribute = themeAttribute(next);
    if (attribute) document.documentElement.dataset.theme = attribute;
    else delete document.documentElement.dataset.theme;
    document.cookie = themeCookie(next);
  };
  return (
    <select
      aria-label="Colour theme"
      value={theme}
      onChange={(e) => choose(e.target.value)}
      className={className}
    >
      {THEMES.map((t) => (
        <option key={t} value={t}>
          {LABELS[t]}
        </option>
      ))}
    </select>
  );
}
