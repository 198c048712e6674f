// Test support: validates simulator responses against the OpenAPI contract with a real JSON
// Schema validator, so the simulator cannot drift from what Cloudflare documents.
// OpenAPI 3.0 is not JSON Schema: `nullable` becomes a union with null, component refs are
// re-rooted, and vendor keywords are dropped.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

interface Operation {
  operationId: string;
  responses: Record<string, { $ref?: string; content?: Record<string, { schema?: unknown }> }>;
}
interface Spec {
  paths: Record<string, Record<string, unknown>>;
  components: { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> } & Record<string, unknown>;
}

const spec = JSON.parse(readFileSync(fileURLToPath(new URL("./email-security-investigate.openapi.json", import.meta.url)), "utf8")) as Spec;
const DROP = new Set(["nullable", "discriminator", "example", "deprecated", "readOnly"]);

export function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== "object") return node;
  const source = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (DROP.has(key) || key.startsWith("x-")) continue;
    if (key === "$ref" && typeof value === "string") out.$ref = value.replace(/^#\/components\//, "openapi#/components/");
    else if (key === "properties" && value && typeof value === "object") {
      out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonSchema(v)]));
    } else out[key] = toJsonSchema(value);
  }
  return source.nullable === true ? { anyOf: [out, { type: "null" }] } : out;
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat("double", true);
ajv.addFormat("int64", true);
ajv.addSchema({ $id: "openapi", components: toJsonSchema(spec.components) });

const routes = Object.entries(spec.paths)
  .flatMap(([template, item]) =>
    Object.entries(item)
      .filter(([method]) => ["get", "post", "put", "delete", "patch"].includes(method))
      .map(([method, op]) => ({
        method: method.toUpperCase(),
        template,
        params: (template.match(/\{/g) ?? []).length,
        regex: new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`),
        op: op as Operation,
      })),
  )
  .sort((a, b) => a.params - b.params);

const compiled = new Map<string, ValidateFunction>();

export function operationFor(method: string, path: string): Operation | null {
  return routes.find((r) => r.method === method && r.regex.test(path))?.op ?? null;
}

/** Returns a list of problems (empty when the response matches the contract). */
export function contractProblems(method: string, path: string, status: number, body: unknown): string[] {
  const op = operationFor(method, path);
  if (!op) return [`no operation in the contract for ${method} ${path}`];
  let response = op.responses[String(status)] ?? (status >= 400 && status < 500 ? op.responses["4XX"] : undefined);
  if (response?.$ref) response = spec.components.responses[response.$ref.split("/").pop() ?? ""];
  let schema = response?.content?.["application/json"]?.schema;
  if (!schema && status >= 400) schema = { $ref: "#/components/schemas/email-security_api-response-common-failure" };
  if (!schema) return [`${op.operationId} documents no ${status} response`];
  const key = `${op.operationId} ${status}`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(toJsonSchema(schema) as object);
    compiled.set(key, validate);
  }
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${op.operationId} ${status}: ${e.instancePath || "/"} ${e.message ?? ""} ${JSON.stringify(e.params)}`);
}

export const contractOperationIds = routes.map((r) => r.op.operationId);
