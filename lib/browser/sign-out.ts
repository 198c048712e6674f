/**
 * Signs this browser out the way next-auth's own client does (its CSRF token, then a POST to
 * its sign-out endpoint), then goes where the server says. Written out here because
 * `next-auth/react` costs every console page about 30 KiB of JavaScript for these two requests.
 */
export async function signOut(callbackUrl = "/signin"): Promise<void> {
  const csrf = (await (await fetch("/api/auth/csrf", { credentials: "same-origin" })).json()) as { csrfToken?: string };
  const response = await fetch("/api/auth/signout", {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken: csrf.csrfToken ?? "", callbackUrl, json: "true" }),
  });
  const reply = (await response.json().catch(() => ({}))) as { url?: string };
  window.location.href = reply.url ?? callbackUrl;
}
