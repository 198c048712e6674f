import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppNav } from "@/components/app-nav";
import { CurrentUserProvider } from "@/components/auth/current-user";
import { UserMenu } from "@/components/auth/user-menu";
import { getPageUser } from "@/lib/auth/session";

// Every console page: the signed-in user is known here once and handed to the client components.
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await getPageUser();
  // proxy.ts redirects first with the exact URL; this is the backstop.
  if (!user) redirect("/signin");
  return (
    <CurrentUserProvider user={user}>
      <header className="flex h-10 items-center gap-6 border-b border-zinc-800 bg-zinc-900 px-4">
        <Link href="/messages" className="text-sm font-semibold tracking-tight text-white">
          Triage
        </Link>
        <AppNav />
        <UserMenu />
      </header>
      <main id="main" className="px-4 py-3">
        {children}
      </main>
    </CurrentUserProvider>
  );
}
