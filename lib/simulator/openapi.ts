// The published descriptions of the Email Security API, loaded once, and the lookup from a request
// (method + decoded path) to its operation: Investigate, and the settings, submissions and
// PhishGuard operations beside it. Shared by the contract validator (tests) and variance mode
// (which walks the response schemas at run time).
import investigateJson from "./email-security-investigate.openapi.json";
import settingsJson from "./email-security-settings.openapi.json";

export type SchemaObject = Record<string, unknown>;

export interface OpenApiOperation {
  operationId: string;
  responses: Record<string, { $ref?: string; content?: Record<string, { schema?: SchemaObject }> }>;
}

export interface OpenApiSpec {
  paths: Record<string, Record<string, unknown>>;
  components: {
    schemas: Record<string, SchemaObject>;
    responses: Record<string, { content?: Record<string, { schema?: SchemaObject }> }>;
  } & Record<string, unknown>;
}

/** The Investigate description (`email-security-investigate.openapi.json`). */
export const openApiSpec = investigateJson as unknown as OpenApiSpec;
/** Blocked senders, allow policies, submissions and PhishGuard (`email-security-settings.openapi.json`). */
export const settingsSpec = settingsJson as unknown as OpenApiSpec;

const METHODS = ["get", "post", "put", "delete", "patch"];

/** Which description an operation comes from; both name their components alike, so each keeps its own. */
const specOfOperation = new WeakMap<OpenApiOperation, OpenApiSpec>();

function routesOf(spec: OpenApiSpec) {
  return (
    Object.entries(spec.paths)
      .flatMap(([template, item]) =>
        Object.entries(item)
          .filter(([method]) => METHODS.includes(method))
          .map(([method, op]) => {
            specOfOperation.set(op as OpenApiOperation, spec);
            return {
              method: method.toUpperCase(),
              params: (template.match(/\{/g) ?? []).length,
              regex: new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`),
              op: op as OpenApiOperation,
            };
          }),
      )
      // Literal segments win over parameters: /investigate/bulk is not an investigate_id, /block_senders/batch not an id.
      .sort((a, b) => a.params - b.params)
  );
}

const investigateRoutes = routesOf(openApiSpec);
const settingsRoutes = routesOf(settingsSpec);
const routes = [...investigateRoutes, ...settingsRoutes];

/** The 18 Investigate operations. */
export const operationIds = investigateRoutes.map((r) => r.op.operationId);
/** The operations of the settings description (settings, submissions, PhishGuard). */
export const settingsOperationIds = settingsRoutes.map((r) => r.op.operationId);

/** The operation a request is for, in either description; `path` is the decoded path after /client/v4. */
export function operationFor(method: string, path: string): OpenApiOperation | null {
  return routes.find((r) => r.method === method && r.regex.test(path))?.op ?? null;
}

/** The description an operation was read from. */
export function specOf(op: OpenApiOperation): OpenApiSpec {
  return specOfOperation.get(op) ?? openApiSpec;
}

/** The JSON schema of an operation's reply with this status, following a `$ref` to a shared response. */
export function responseSchema(op: OpenApiOperation, status: number): SchemaObject | undefined {
  let response = op.responses[String(status)] ?? (status >= 400 && status < 500 ? op.responses["4XX"] : undefined);
  if (response?.$ref) response = specOf(op).components.responses[response.$ref.split("/").pop() ?? ""];
  return response?.content?.["application/json"]?.schema;
}

/** `x-provenance: reconstructed …` marks components rebuilt from docs and SDK types, not the official file. */
export function isReconstructed(schema: SchemaObject): boolean {
  return typeof schema["x-provenance"] === "string" && schema["x-provenance"].startsWith("reconstructed");
}
