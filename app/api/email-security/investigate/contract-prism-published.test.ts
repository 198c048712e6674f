// Where Cloudflare's published description and the `cloudflare` SDK disagree on a request body,
// the console follows the SDK. Against Prism serving the description as published, that request
// is refused; the analyst must then see which operation failed and what Cloudflare said, not a
// bare "rejected". (Its own file: the console's upstream is configured once per test file.)
import { describe, expect, it, vi } from "vitest";
// Whether a release waits for a second admin (after reading the messages, whose dispositions Prism
// makes up) is release-policy.test.ts's concern: here the release call itself is.
vi.mock("@/lib/approvals/release-policy", () => ({
  planReturn: async (_change: unknown, ids: readonly string[]) => ({ now: [...ids], approval: null, reads: 0 }),
}));
import { publishedDescription } from "@/lib/testing/description";
import { deprecatedFieldsSent } from "@/lib/testing/deprecated-fields";
import { expectRefusalShown, usePrismUpstream } from "@/lib/testing/prism-upstream";
import { callRoute } from "@/lib/testing/routes";
import { POST as release } from "./release/route";
import { POST as createPreview } from "./preview/route";

const { description, relaxed } = publishedDescription();
const upstream = usePrismUpstream({ seed: "triage-published", description });

const API = "/api/email-security/investigate";
const ID = "prism-contract-0001";

describe("request bodies the published description refuses", () => {
  it("are exactly release and preview-create (the repository's copy accepts both shapes of those)", () => {
    expect(relaxed.sort()).toEqual(["email_security_post_preview", "email_security_post_release"]);
  });

  it.each([
    ["email_security_post_release", "release ({ids} sent, a bare array published)", () => callRoute(release, `${API}/release`, { body: { ids: [ID] } }), /releas/i],
    ["email_security_post_preview", "preview-create ({id} sent, {postfix_id} published)", () => callRoute(createPreview, `${API}/preview`, { body: { id: ID } }), /preview/i],
  ] as const)("%s: %s surfaces as a 4xx naming the operation and Cloudflare's message", async (operationId, _what, call, operationName) => {
    const route = await call();
    const exchanges = upstream.recorder.take();
    expect(exchanges.map((e) => e.operationId), route.text).toEqual([operationId]);
    // Prism refused the SDK's body shape, and said why.
    expect(exchanges[0]!.violations).toMatch(/body/i);
    expectRefusalShown(route, exchanges[0]!, operationName);
  });
});

describe("no deprecated field is ever sent", () => {
  it("in any request of this suite, by the description or the SDK's types", () => {
    const sent = upstream.recorder.all();
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.flatMap(deprecatedFieldsSent)).toEqual([]);
  });
});
