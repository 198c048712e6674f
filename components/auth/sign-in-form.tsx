"use client";

import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";

export function SignInForm({
  callbackPath,
  local,
  sso,
  initialError,
}: {
  callbackPath: string;
  local: boolean;
  sso: boolean;
  initialError?: string;
}) {
  const [error, setError] = useState(initialError ? signInErrorMessage(initialError) : null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("local", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      callbackUrl: callbackPath,
      redirect: false,
    });
    if (result?.ok && !result.error) {
      // A full navigation, so every server component renders with the new session.
      window.location.assign(callbackPath);
      return;
    }
    setPending(false);
    // A refused attempt names its wait ("Too many attempts, try again in 40 s.").
    setError(signInErrorMessage(result?.error, signInErrorMessage("CredentialsSignin")));
  }

  return (
    <div className="space-y-4">
      {error ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      {sso ? (
        <button
          type="button"
          onClick={() => signIn("oidc", { callbackUrl: callbackPath })}
          className="w-full rounded bg-zinc-900 px-3 py-2 text-sm font-medium text-white hover:bg-zinc-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
        >
          Sign in with single sign-on
        </button>
      ) : null}
      {local ? (
        <form onSubmit={submit} className="space-y-3" aria-label="Local account">
          <div>
            <label htmlFor="signin-email" className="block text-sm font-medium">
              Email
            </label>
            <input
              id="signin-email"
              name="email"
              type="email"
              autoComplete="username"
              required
              className="mt-1 w-full rounded border border-zinc-300 px-2 py-1.5 text-sm"
            />
          </div>
          <div>
            <label htmlFor="signin-password" className="block text-sm font-medium">
              Password
            </label>
            <input
              id="signin-password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              className="mt-1 w-full rounded border border-zinc-300 px-2 py-1.5 text-sm"
            />
          </div>
          <button
            type="submit"
            disabled={pending}
            className="w-full rounded bg-blue-700 px-3 py-2 text-sm font-medium text-white hover:bg-blue-600 disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
          >
            {pending ? "Signing in…" : "Sign in"}
          </button>
        </form>
      ) : null}
    </div>
  );
}
