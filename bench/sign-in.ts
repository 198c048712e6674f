// Signs the bench user in the way a browser does (next-auth's CSRF token, then the credentials
// callback), so the cookie names a real server session: a hand-minted token would name none and
// every timed request would be a 401.

function cookiesFrom(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(";")[0]!);
}

export async function signIn(consoleUrl: string, user: { email: string; password: string }): Promise<string> {
  const csrf = await fetch(`${consoleUrl}/api/auth/csrf`, { signal: AbortSignal.timeout(30_000) });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesFrom(csrf);
  const callback = await fetch(`${consoleUrl}/api/auth/callback/local`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), origin: consoleUrl },
    body: new URLSearchParams({ csrfToken, email: user.email, password: user.password, json: "true" }),
    signal: AbortSignal.timeout(30_000),
  });
  const session = cookiesFrom(callback).find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`sign-in as ${user.email} gave no session cookie (HTTP ${callback.status})`);
  return session;
}
