import Link from "next/link";
import { redirect } from "next/navigation";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { AppNav } from "@/components/app-nav";
import { CurrentUserProvider } from "@/components/auth/current-user";
import { UserMenu } from "@/components/auth/user-menu";
import { ThemeSelect } from "@/components/theme-select";
import { TimeModeProvider, TimeModeSelect } from "@/components/ui/time-text";
import { getPageUser } from "@/lib/auth/session";
import { parseThemeCookie, THEME_COOKIE } from "@/lib/theme/theme";
import { BROWSER_ZONE_COOKIE, parseTimeModeCookie, parseZone, TIME_ZONE_COOKIE } from "@/lib/time/format";

// Every console page: the signed-in user is known here once and handed to the client components.
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await getPageUser();
  // proxy.ts redirects first with the exact URL; this is the backstop.
  if (!user) redirect("/signin");
  const jar = await cookies();
  const theme = parseThemeCookie(jar.get(THEME_COOKIE)?.value);
  const timeMode = parseTimeModeCookie(jar.get(TIME_ZONE_COOKIE)?.value);
  const browserZone = parseZone(jar.get(BROWSER_ZONE_COOKIE)?.value);
  return (
    <CurrentUserProvider user={user}>
      <TimeModeProvider initial={timeMode} knownZone={browserZone}>
        {/* Dark in both themes: its colours are meant literally, so the palette is not turned over here. */}
        <header className="flex h-10 items-center gap-6 border-b border-zinc-800 bg-zinc-900 px-4 palette-light">
          <Link href="/messages" className="text-sm font-semibold tracking-tight text-white">
            Triage
          </Link>
          <AppNav />
          <UserMenu />
          <ThemeSelect
            initial={theme}
            className="h-7 rounded border border-zinc-700 bg-zinc-800 px-1.5 text-[12px] text-zinc-100"
          />
          <TimeModeSelect className="h-7 rounded border border-zinc-700 bg-zinc-800 px-1.5 text-[12px] text-zinc-100" />
        </header>
        <main id="main" className="px-4 py-3">
          {children}
        </main>
      </TimeModeProvider>
    </CurrentUserProvider>
  );
}
