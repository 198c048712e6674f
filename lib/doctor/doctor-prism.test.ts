// `npm run doctor` against Prism serving Cloudflare's published descriptions: replies built from
// the descriptions alone (optional fields left out, enum and nullable variety, seeded), and our
// requests checked against them. The doctor must read every operation each one describes.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPrism, type Prism } from "@/lib/testing/prism";
import type { CheckId } from "./checks";
import { exitCode, formatReport } from "./report";
import { byId, doctorAgainst, FAKE_TOKEN } from "./test-helpers";

/**
 * Cloudflare's description of settings and submissions. The one place to repoint: the repository's
 * copy beside the Investigate one once it lands there, else the shared one beside the repository.
 */
const SETTINGS_DESCRIPTION_PATH = [
  fileURLToPath(new URL("../simulator/email-security-settings.openapi.json", import.meta.url)),
  fileURLToPath(new URL("../../../shared/cloudflare/email-security-settings.openapi.json", import.meta.url)),
  "/work/shared/cloudflare/email-security-settings.openapi.json",
].find((candidate) => existsSync(candidate));

const INVESTIGATE: CheckId[] = ["search", "message", "detections", "trace", "actionLog", "jobs", "job", "jobMessages"];
const SETTINGS: CheckId[] = ["blockedSenders", "allowPolicies", "submissions"];

function answered(report: Awaited<ReturnType<typeof doctorAgainst>>, ids: CheckId[]) {
  const r = byId(report);
  const replay = formatReport(report);
  for (const id of ids) {
    expect([200, 202], `${id}\n${replay}`).toContain(r[id]!.status);
    expect(["ok", "degraded"], `${id}\n${replay}`).toContain(r[id]!.verdict);
  }
  expect(replay).not.toContain(FAKE_TOKEN);
}

describe.each([
  { name: "Investigate", ids: INVESTIGATE, description: undefined as object | undefined },
  { name: "settings and submissions", ids: SETTINGS, description: SETTINGS_DESCRIPTION_PATH ? (JSON.parse(readFileSync(SETTINGS_DESCRIPTION_PATH, "utf8")) as object) : undefined },
])("npm run doctor against Prism on the $name description", ({ name, ids, description }) => {
  let prism: Prism;
  beforeAll(async () => {
    if (name !== "Investigate" && !description) throw new Error("Cloudflare's settings description was not found; see SETTINGS_DESCRIPTION_PATH");
    prism = await startPrism({ seed: "doctor-1", description });
  }, 60_000);
  afterAll(() => prism?.stop());

  it("reads every operation the description has, as the console would", async () => {
    // A message id of Cloudflare's documented form, in case the search answers 202 (still running).
    const report = await doctorAgainst(prism.baseURL, { messageId: "4Njp3P0STMz2c02Q-2024-01-05T10:00:00-12345678" });
    answered(report, ids);
    // Neither description has a token check: that says nothing about the token.
    expect(byId(report).token).toMatchObject({ verdict: "skipped", status: 404 });
    // The operations the other description holds are not here: Prism's 404 is a refusal.
    expect(exitCode(report)).toBe(1);
    expect(report.reads).toBeLessThanOrEqual(15);
  });
});
