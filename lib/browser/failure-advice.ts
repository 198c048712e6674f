/**
 * What an analyst should do after a change failed. A failure that only says what went wrong leaves
 * the analyst guessing whether the phish is still in the mailbox, so every failed change also says
 * whether anything may have happened, and what to do next.
 */
export interface FailureFacts {
  status: number;
  code: string;
  /** Seconds until a retry may succeed (429, 503). */
  retryAfter?: number;
}

export function failureAdvice({ status, code, retryAfter }: FailureFacts): string {
  if (status === 0) {
    return "The request may not have reached the console. Check the message's action log, then try again if nothing was done.";
  }
  if (status === 401) return "Your session has ended. Sign in again, then repeat the action.";
  if (status === 403) return "Nothing was changed. If the reason above names a role, ask an admin; otherwise reload the page and try again.";
  if (status === 404) return "Nothing was changed: the message is no longer there. Reload the list.";
  if (status === 409) return "Nothing was changed. Reload to see the current state, then decide again.";
  if (status === 429 || code === "paced") {
    return `Nothing was changed. Wait ${retryAfter ? `${retryAfter} s` : "a moment"}, then try again.`;
  }
  if (status === 503) return "Nothing was changed. Try again in a minute; if it persists, tell the console's administrator.";
  if (code === "upstream_timeout" || code === "upstream_error" || code === "upstream_bad_response" || status >= 500) {
    return "Cloudflare's answer did not arrive, so the change may or may not have been made. Check the action log before trying again.";
  }
  if (status >= 400) return "Cloudflare or the console refused it, so nothing was changed. Correct what the reason above names and try again.";
  return "Try again; if it fails again, give the code below to the console's administrator.";
}
