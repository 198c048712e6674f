import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const ACCOUNT = "0123456789abcdef0123456789abcdef";
const SECRET = "fake-nextauth-secret-for-tests-0000000000";

describe("parseEnv", () => {
  it("runs on the simulator when no token is set, with demo accounts", () => {
    expect(parseEnv({}).upstream.mode).toBe("simulator");
    expect(parseEnv({}).auth).toMatchObject({ demo: true });
    expect(parseEnv({}).auth.localUsers.map((u) => u.role)).toEqual(["viewer", "analyst", "admin"]);
    expect(parseEnv({ CLOUDFLARE_API_TOKEN: "" }).upstream.mode).toBe("simulator");
  });

  it("uses Cloudflare when token and account are set", () => {
    const env = parseEnv({
      CLOUDFLARE_API_TOKEN: "fake-token-for-tests",
      CLOUDFLARE_ACCOUNT_ID: ACCOUNT,
      CLOUDFLARE_BASE_URL: "http://127.0.0.1:8787/client/v4",
      NEXTAUTH_SECRET: SECRET,
      CONSOLE_LOCAL_USERS: "a@x.test:admin:pw",
    });
    expect(env.upstream).toMatchObject({ mode: "cloudflare", accountId: ACCOUNT, baseURL: "http://127.0.0.1:8787/client/v4" });
  });

  it.each([
    [{ CLOUDFLARE_API_TOKEN: "fake-token-for-tests" }, /CLOUDFLARE_ACCOUNT_ID is missing/],
    [{ CLOUDFLARE_ACCOUNT_ID: ACCOUNT }, /CLOUDFLARE_API_TOKEN is missing/],
    [{ CLOUDFLARE_API_TOKEN: "fake", CLOUDFLARE_ACCOUNT_ID: "nope" }, /CLOUDFLARE_ACCOUNT_ID must be/],
    [{ CLOUDFLARE_BASE_URL: "ftp://x" }, /CLOUDFLARE_BASE_URL/],
    [{ CLOUDFLARE_API_TOKEN: "fake", CLOUDFLARE_ACCOUNT_ID: ACCOUNT, CONSOLE_LOCAL_USERS: "a@x.test:admin:pw" }, /NEXTAUTH_SECRET is missing/],
    [{ CLOUDFLARE_API_TOKEN: "fake", CLOUDFLARE_ACCOUNT_ID: ACCOUNT, NEXTAUTH_SECRET: SECRET }, /No way to sign in/],
    [{ OIDC_ISSUER: "http://127.0.0.1:9000", NEXTAUTH_SECRET: SECRET }, /OIDC_CLIENT_ID is missing/],
    [{ CONSOLE_LOCAL_USERS: "a@x.test:root:pw", NEXTAUTH_SECRET: SECRET }, /unknown role/],
  ])("names the variable that is wrong: %j", (source, message) => {
    expect(() => parseEnv(source)).toThrow(EnvError);
    expect(() => parseEnv(source)).toThrow(message);
  });

  it("never echoes the token in its message", () => {
    try {
      parseEnv({ CLOUDFLARE_API_TOKEN: "fake-secret-value-123" });
      expect.unreachable();
    } catch (err) {
      expect(String(err)).not.toContain("fake-secret-value-123");
    }
  });
});
