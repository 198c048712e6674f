// Client-safe: the server names why a sign-in was refused in next-auth's `?error=` value, and the
// sign-in form turns it back into words.

const THROTTLED = /^TooManyAttempts:(\d{1,6})$/;

/** next-auth 4 passes an Error thrown by `authorize()` to the sign-in page as `error=<message>`. */
export function throttledSignInError(retryAfterSeconds: number): string {
  return `TooManyAttempts:${Math.max(1, Math.ceil(retryAfterSeconds))}`;
}

const MESSAGES: Record<string, string> = {
  CredentialsSignin: "Email or password is not right.",
  OAuthSignin: "Could not start single sign-on. Try again.",
  OAuthCallback: "Single sign-on did not complete. Try again.",
  AccessDenied: "Access was denied.",
  SessionRequired: "Sign in to continue.",
  EmailNotVerified: "Your identity provider did not confirm an email address for you; the console needs one to sign you in.",
};

/** Words for an error code from next-auth; `fallback` when the code is unknown. */
export function signInErrorMessage(code: string | null | undefined, fallback = "Sign-in failed. Try again."): string {
  const throttled = THROTTLED.exec(code ?? "");
  if (throttled) return `Too many attempts, try again in ${Number(throttled[1])} s.`;
  return MESSAGES[code ?? ""] ?? fallback;
}
