// The published description of the Investigate API, loaded once, and the lookup from a request
// (method + decoded path) to its operation. Shared by the contract validator (tests) and
// variance mode (which walks the response schemas at run time).
import specJson from "./email-security-investigate.openapi.json";

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

export const openApiSpec = specJson as unknown as OpenApiSpec;

const METHODS = ["get", "post", "put", "delete", "patch"];

const routes = Object.entries(openApiSpec.paths)
  .flatMap(([template, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({
        method: method.toUpperCase(),
        params: (template.match(/\{/g) ?? []).length,
        regex: new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`),
        op: op as OpenApiOperation,
      })),
  )
  // Literal segments win over parameters: /investigate/bulk is not an investigate_id.
  .sort((a, b) => a.params - b.params);

export const operationIds = routes.map((r) => r.op.operationId);

/** The operation a request is for; `path` is the decoded path after /client/v4. */
export function operationFor(method: string, path: string): OpenApiOperation | null {
  return routes.find((r) => r.method === method && r.regex.test(path))?.op ?? null;
}

/** The JSON schema of an operation's reply with this status, following a `$ref` to a shared response. */
export function responseSchema(op: OpenApiOperation, status: number): SchemaObject | undefined {
  let response = op.responses[String(status)] ?? (status >= 400 && status < 500 ? op.responses["4XX"] : undefined);
  if (response?.$ref) response = openApiSpec.components.responses[response.$ref.split("/").pop() ?? ""];
  return response?.content?.["application/json"]?.schema;
}

/** `x-provenance: reconstructed …` marks components rebuilt from docs and SDK types, not the official file. */
export function isReconstructed(schema: SchemaObject): boolean {
  return typeof schema["x-provenance"] === "string" && schema["x-provenance"].startsWith("reconstructed");
}
