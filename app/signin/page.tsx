import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { getPageUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackPath = safeCallbackPath(params.callbackUrl);
  if (await getPageUser()) redirect(callbackPath);
  const { auth } = getEnv();
  const error = typeof params.error === "string" ? params.error : undefined;
  return (
    <main id="main" className="mx-auto mt-16 max-w-sm px-4">
      <h1 className="mb-1 text-xl font-semibold">Sign in to Triage</h1>
      <p className="mb-6 text-sm text-zinc-500">Cloudflare Email Security investigations.</p>
      <SignInForm
        callbackPath={callbackPath}
        local={auth.localUsers.length > 0}
        sso={Boolean(auth.oidc)}
        initialError={error}
      />
      {auth.demo ? (
        <section aria-labelledby="demo-accounts" className="mt-8 rounded border border-amber-300 bg-amber-50 p-3 text-sm">
          <h2 id="demo-accounts" className="font-medium">
            Demo mode: simulated mail, built-in accounts
          </h2>
          <p className="mt-1 text-zinc-600">Password for each: <code>demo</code></p>
          <ul className="mt-2 space-y-0.5">
            {auth.localUsers.map((user) => (
              <li key={user.email}>
                <code>{user.email}</code> — {user.role}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}
