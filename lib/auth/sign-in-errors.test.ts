import { describe, expect, it } from "vitest";
import { signInErrorMessage, throttledSignInError } from "./sign-in-errors";

describe("sign-in error words", () => {
  it("names the wait of a throttled attempt, as next-auth carries it in ?error=", () => {
    const code = new URL(`http://x/api/auth/error?error=${encodeURIComponent(throttledSignInError(39.2))}`).searchParams.get("error");
    expect(signInErrorMessage(code)).toBe("Too many attempts, try again in 40 s.");
  });

  it.each([
    ["CredentialsSignin", "Email or password is not right."],
    ["TooManyAttempts:abc", "Sign-in failed. Try again."],
    ["<script>", "Sign-in failed. Try again."],
    [null, "Sign-in failed. Try again."],
  ])("%s", (code, words) => {
    expect(signInErrorMessage(code)).toBe(words);
  });
});
