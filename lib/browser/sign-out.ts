/**
 * Signs this browser out the way next-auth's own client does (its CSRF token, then a POST to
 * its sign-out endpoint), then goes where the server says. Written out here because
 * `next-auth/react` costs every console page about 30 KiB of JavaScript for these two requests.
 *
 * Fails closed: when the server could not end the session it answers with an error and keeps the
 * cookie, and the reason is returned (the user must know they are still signed in); null once the
 * browser is on its way to the sign-in page.
 */
export async function signOut(callbackUrl = "/signin"): Promise<string | null> {
  try {
    const csrf = (await (await fetch("/api/auth/csrf", { credentials: "same-origin" })).json()) as { csrfToken?: string };
    const response = await fetch("/api/auth/signout", {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken: csrf.csrfToken ?? "", callbackUrl, json: "true" }),
    });
    const reply = (await response.json().catch(() => ({}))) as { url?: string; error?: { message?: string } };
    if (response.ok && reply.url) {
      window.location.href = reply.url;
      return null;
    }
    return reply.error?.message ?? "Could not sign out. You are still signed in; try again.";
  } catch {
    return "Could not reach the console to sign out. You are still signed in; try again.";
  }
}
