// Test support: facts read from the OpenAPI description itself, for the contract tests.
import { readFileSync } from "node:fs";
import { DESCRIPTION_PATH, SETTINGS_DESCRIPTION_PATH } from "./prism";

interface Parameter {
  name?: string;
  in?: string;
  $ref?: string;
}
interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: { oneOf?: unknown[]; "x-note"?: string } }> };
}
interface Description {
  paths: Record<string, Record<string, Operation>>;
  components: { parameters?: Record<string, Parameter> };
}

/**
 * Query parameters the `cloudflare` SDK 7.3 has for an operation and the description does not.
 * The console follows the SDK here (Cloudflare's API accepts what its own SDK sends); the README
 * lists these differences. Anything else undeclared is a filter Cloudflare would ignore.
 */
export const SDK_ONLY_QUERY_PARAMETERS: Readonly<Record<string, readonly string[]>> = {
  email_security_investigate: ["smtp_helo_ip"],
  email_security_get_message: ["submission"],
  // The settings description's submissions list has no sorting; SDK 7.3 has `order` and `direction`.
  email_security_submissions: ["order", "direction"],
};

/** The Investigate description by default; `SETTINGS_DESCRIPTION_PATH` for the settings one. */
export function readDescription(file = DESCRIPTION_PATH): Description {
  return JSON.parse(readFileSync(file, "utf8")) as Description;
}

export function readSettingsDescription(): Description {
  return readDescription(SETTINGS_DESCRIPTION_PATH);
}

function operations(description: Description): Operation[] {
  return Object.values(description.paths).flatMap((item) =>
    Object.entries(item)
      .filter(([method]) => ["get", "post", "put", "patch", "delete"].includes(method))
      .map(([, op]) => op),
  );
}

/** The query parameters an operation declares: anything else the console sends, Cloudflare ignores. */
export function queryParameters(operationId: string, description = readDescription()): string[] {
  const op = operations(description).find((o) => o.operationId === operationId);
  if (!op) throw new Error(`No operation ${operationId} in the description`);
  return (op.parameters ?? [])
    .map((p) => (p.$ref ? description.components.parameters?.[p.$ref.split("/").pop() ?? ""] : p))
    .filter((p): p is Parameter => p?.in === "query")
    .map((p) => p.name ?? "");
}

/**
 * The repository's copy of the description accepts both request bodies where Cloudflare's
 * published description and the SDK disagree: such a body is a `oneOf` whose `x-note` begins
 * "spec says", and its first alternative is the published one. This returns the description as
 * Cloudflare publishes it (first alternative only) and the operations that were relaxed.
 */
export function publishedDescription(): { description: Description; relaxed: string[] } {
  const description = readDescription();
  const relaxed: string[] = [];
  for (const op of operations(description)) {
    const media = op.requestBody?.content?.["application/json"];
    const schema = media?.schema;
    if (media && schema?.oneOf && /^spec says/.test(schema["x-note"] ?? "")) {
      media.schema = schema.oneOf[0] as typeof schema;
      relaxed.push(op.operationId);
    }
  }
  return { description, relaxed };
}
