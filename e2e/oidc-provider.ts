import type { Server } from "node:http";
import Provider from "oidc-provider";
import { E2E, OIDC } from "./env";

/**
 * A real OpenID Connect provider (the `oidc-provider` package) on loopback, for the sign-in
 * journey. Its development login form accepts any login; the account's email is `<login>@oidc.test`
 * and logins starting with "analyst" are in the analysts' group.
 */
export async function startOidcProvider(): Promise<{ close: () => Promise<void> }> {
  const provider = new Provider(OIDC.issuer, {
    clients: [
      {
        client_id: OIDC.clientId,
        client_secret: OIDC.clientSecret,
        redirect_uris: [`${E2E.consoleUrl}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
    async findAccount(_ctx, id) {
      return {
        accountId: id,
        async claims() {
          return {
            sub: id,
            email: `${id}@oidc.test`,
            email_verified: true,
            name: id,
            groups: id.startsWith("analyst") ? [OIDC.analystGroup] : ["everyone"],
          };
        },
      };
    },
    // The console reads email, name and groups from the validated ID token, as most providers send them.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    ttl: { AccessToken: 600, IdToken: 600, Interaction: 600, Session: 600, Grant: 600 },
    pkce: { required: () => true },
  });
  const server: Server = await new Promise((resolve) => {
    const s = provider.listen(OIDC.port, "127.0.0.1", () => resolve(s));
  });
  return {
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
