// Test support: validates simulator responses against the OpenAPI contract with a real JSON
// Schema validator, so the simulator cannot drift from what Cloudflare documents.
// OpenAPI 3.0 is not JSON Schema: `nullable` becomes a union with null, component refs are
// re-rooted, and vendor keywords are dropped.
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { isReconstructed, openApiSpec, operationFor, operationIds, responseSchema, settingsOperationIds, settingsSpec, specOf, type OpenApiSpec, type SchemaObject } from "./openapi";

export { operationFor } from "./openapi";

const DROP = new Set(["nullable", "discriminator", "example", "deprecated", "readOnly"]);

/**
 * `softEnums`: a string enum is dropped (the value must still be a string). Used for components
 * whose definition is reconstructed, where the listed values are our best knowledge, not a
 * closed set: variance mode sends values outside them (see variance.ts).
 */
export function toJsonSchema(node: unknown, root = "openapi", softEnums = false): unknown {
  if (Array.isArray(node)) return node.map((n) => toJsonSchema(n, root, softEnums));
  if (!node || typeof node !== "object") return node;
  const source = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const dropEnum = softEnums && Array.isArray(source.enum) && source.enum.every((v) => typeof v === "string");
  for (const [key, value] of Object.entries(source)) {
    if (DROP.has(key) || key.startsWith("x-") || (key === "enum" && dropEnum)) continue;
    if (key === "$ref" && typeof value === "string") out.$ref = value.replace(/^#\/components\//, `${root}#/components/`);
    else if (key === "properties" && value && typeof value === "object") {
      out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonSchema(v, root, softEnums)]));
    } else out[key] = toJsonSchema(value, root, softEnums);
  }
  return source.nullable === true ? { anyOf: [out, { type: "null" }] } : out;
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat("double", true);
ajv.addFormat("int64", true);
/** Each description under its own ids, strict and with soft enums: the two name their components alike. */
function addDescription(spec: OpenApiSpec, id: string): void {
  ajv.addSchema({ $id: id, components: toJsonSchema(spec.components, id) });
  ajv.addSchema({
    $id: `${id}-soft`,
    components: {
      ...(toJsonSchema(spec.components, `${id}-soft`) as object),
      schemas: Object.fromEntries(
        Object.entries(spec.components.schemas).map(([name, schema]) => [name, toJsonSchema(schema, `${id}-soft`, isReconstructed(schema))]),
      ),
    },
  });
}
addDescription(openApiSpec, "openapi");
addDescription(settingsSpec, "settings");

const compiled = new Map<string, ValidateFunction>();

export interface ContractOptions {
  /** Accept unknown values in the enums of reconstructed components (variance mode's `unknownEnums`). */
  softEnums?: boolean;
}

/** Returns a list of problems (empty when the response matches the contract). */
export function contractProblems(method: string, path: string, status: number, body: unknown, options: ContractOptions = {}): string[] {
  const op = operationFor(method, path);
  if (!op) return [`no operation in the contract for ${method} ${path}`];
  let schema: SchemaObject | undefined = responseSchema(op, status);
  if (!schema && status >= 400) schema = { $ref: "#/components/schemas/email-security_api-response-common-failure" };
  if (!schema) return [`${op.operationId} documents no ${status} response`];
  const base = specOf(op) === settingsSpec ? "settings" : "openapi";
  const root = options.softEnums ? `${base}-soft` : base;
  const key = `${op.operationId} ${status} ${root}`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(toJsonSchema(schema, root) as object);
    compiled.set(key, validate);
  }
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${op.operationId} ${status}: ${e.instancePath || "/"} ${e.message ?? ""} ${JSON.stringify(e.params)}`);
}

/** The 18 Investigate operations. */
export const contractOperationIds = operationIds;
/** The operations of the settings description (blocked senders, allow policies, submissions, PhishGuard). */
export const settingsContractOperationIds = settingsOperationIds;
