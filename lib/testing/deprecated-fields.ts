// Test support: "no deprecated field is ever sent". The names each operation marks deprecated, read
// from the two places that say so: the published descriptions (`deprecated: true` on a query
// parameter or a request-body property, at any depth) and the `cloudflare` SDK's types (`@deprecated`
// on a member of the operation's `…Params` interface or of the namespace beside it). The contract
// suites record every request the console sends and end by checking them against these names.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import ts from "typescript";
import { openApiSpec, settingsSpec, type OpenApiSpec, type SchemaObject } from "@/lib/simulator/openapi";
import type { Exchange } from "./upstream-recorder";

/**
 * Each operation the console calls and its parameters' interface in the SDK 7.3, as
 * `<file under resources/email-security>#<interface>`; null where the SDK has no method (the
 * action log is read with the SDK's generic `get`). A new operation needs a line here.
 */
export const SDK_PARAMS: Readonly<Record<string, string | null>> = {
  email_security_investigate: "investigate/investigate.d.ts#InvestigateListParams",
  email_security_get_message: "investigate/investigate.d.ts#InvestigateGetParams",
  email_security_get_message_detections: "investigate/detections.d.ts#DetectionGetParams",
  email_security_get_message_trace: "investigate/trace.d.ts#TraceGetParams",
  email_security_get_message_preview: "investigate/preview.d.ts#PreviewGetParams",
  email_security_get_message_raw: "investigate/raw.d.ts#RawGetParams",
  email_security_get_message_action_log: null,
  email_security_post_message_move: "investigate/move.d.ts#MoveCreateParams",
  email_security_post_bulk_move: "investigate/move.d.ts#MoveBulkParams",
  email_security_post_release: "investigate/release.d.ts#ReleaseBulkParams",
  email_security_post_reclassify: "investigate/reclassify.d.ts#ReclassifyCreateParams",
  email_security_post_preview: "investigate/preview.d.ts#PreviewCreateParams",
  email_security_get_bulk_jobs: "investigate/bulk/bulk.d.ts#BulkListParams",
  email_security_create_bulk_job: "investigate/bulk/bulk.d.ts#BulkCreateParams",
  email_security_get_bulk_job: "investigate/bulk/bulk.d.ts#BulkGetParams",
  email_security_cancel_bulk_job: "investigate/bulk/cancel.d.ts#CancelCreateParams",
  email_security_delete_bulk_job: "investigate/bulk/bulk.d.ts#BulkDeleteParams",
  email_security_get_bulk_job_messages: "investigate/bulk/messages.d.ts#MessageListParams",
  email_security_list_blocked_senders: "settings/block-senders.d.ts#BlockSenderListParams",
  email_security_create_blocked_sender: "settings/block-senders.d.ts#BlockSenderCreateParams",
  email_security_get_blocked_sender: "settings/block-senders.d.ts#BlockSenderGetParams",
  email_security_update_blocked_sender: "settings/block-senders.d.ts#BlockSenderEditParams",
  email_security_delete_blocked_sender: "settings/block-senders.d.ts#BlockSenderDeleteParams",
  email_security_batch_blocked_senders: "settings/block-senders.d.ts#BlockSenderBatchParams",
  email_security_list_allow_policies: "settings/allow-policies.d.ts#AllowPolicyListParams",
  email_security_create_allow_policy: "settings/allow-policies.d.ts#AllowPolicyCreateParams",
  email_security_get_allow_policy: "settings/allow-policies.d.ts#AllowPolicyGetParams",
  email_security_update_allow_policy: "settings/allow-policies.d.ts#AllowPolicyEditParams",
  email_security_delete_allow_policy: "settings/allow-policies.d.ts#AllowPolicyDeleteParams",
  email_security_batch_allow_policies: "settings/allow-policies.d.ts#AllowPolicyBatchParams",
  email_security_submissions: "submissions.d.ts#SubmissionListParams",
  email_security_get_phishguard_reports: "phishguard/reports.d.ts#ReportListParams",
};

const sdkRoot = () => path.join(path.dirname(createRequire(import.meta.url).resolve("cloudflare")), "resources/email-security");

const isDeprecated = (node: ts.Node) => ts.getJSDocTags(node).some((tag) => tag.tagName.text === "deprecated");

/** Members marked `@deprecated` in `interface <name>` and in the interfaces of `namespace <name>`. */
function sdkDeprecated(ref: string): Set<string> {
  const [file = "", name = ""] = ref.split("#");
  const text = readFileSync(path.join(sdkRoot(), file), "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const names = new Set<string>();
  let found = false;
  const collect = (node: ts.InterfaceDeclaration) => {
    for (const member of node.members) if (ts.isPropertySignature(member) && isDeprecated(member)) names.add(member.name.getText(source));
  };
  const visit = (node: ts.Node, inNamespace: boolean) => {
    if (ts.isInterfaceDeclaration(node) && (inNamespace || node.name.text === name)) {
      found ||= node.name.text === name;
      collect(node);
    } else if (ts.isModuleDeclaration(node) && node.name.text === name && node.body) {
      ts.forEachChild(node.body, (child) => visit(child, true));
    } else if (!inNamespace) ts.forEachChild(node, (child) => visit(child, false));
  };
  visit(source, false);
  if (!found) throw new Error(`No interface ${name} in the SDK's ${file}`);
  return names;
}

function resolve(spec: OpenApiSpec, node: unknown, kind: "schemas" | "parameters"): SchemaObject | undefined {
  const ref = (node as { $ref?: unknown } | undefined)?.$ref;
  if (typeof ref !== "string") return node as SchemaObject | undefined;
  const name = ref.split("/").pop() ?? "";
  return (spec.components as Record<string, Record<string, SchemaObject>>)[kind]?.[name];
}

/** Names of properties marked deprecated anywhere in a request-body schema. */
function bodyDeprecated(spec: OpenApiSpec, schema: unknown, out: Set<string>, seen = new Set<unknown>()): void {
  const node = resolve(spec, schema, "schemas");
  if (!node || typeof node !== "object" || seen.has(node)) return;
  seen.add(node);
  for (const [prop, sub] of Object.entries((node.properties ?? {}) as Record<string, SchemaObject>)) {
    if (sub.deprecated === true || resolve(spec, sub, "schemas")?.deprecated === true) out.add(prop);
    bodyDeprecated(spec, sub, out, seen);
  }
  for (const key of ["allOf", "oneOf", "anyOf"]) for (const part of (node[key] ?? []) as unknown[]) bodyDeprecated(spec, part, out, seen);
  if (node.items) bodyDeprecated(spec, node.items, out, seen);
}

interface Operation {
  operationId: string;
  parameters?: unknown[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
}

function descriptionDeprecated(): Map<string, { query: Set<string>; body: Set<string> }> {
  const out = new Map<string, { query: Set<string>; body: Set<string> }>();
  for (const spec of [openApiSpec, settingsSpec]) {
    for (const item of Object.values(spec.paths)) {
      const shared = ((item as { parameters?: unknown[] }).parameters ?? []) as unknown[];
      for (const [method, value] of Object.entries(item)) {
        if (!["get", "post", "put", "patch", "delete"].includes(method)) continue;
        const op = value as Operation;
        const query = new Set<string>();
        for (const raw of [...shared, ...(op.parameters ?? [])]) {
          const p = resolve(spec, raw, "parameters") as { name?: string; in?: string; deprecated?: boolean; schema?: SchemaObject } | undefined;
          if (p?.in === "query" && p.name && (p.deprecated === true || p.schema?.deprecated === true)) query.add(p.name);
        }
        const body = new Set<string>();
        bodyDeprecated(spec, op.requestBody?.content?.["application/json"]?.schema, body);
        out.set(op.operationId, { query, body });
      }
    }
  }
  return out;
}

let cache: Map<string, { query: Set<string>; body: Set<string>; sdk: Set<string> }> | null = null;

/** Per operation: query parameters and body properties the description deprecates, and the SDK's deprecated params. */
export function deprecatedNames(): Map<string, { query: Set<string>; body: Set<string>; sdk: Set<string> }> {
  if (cache) return cache;
  const fromDescription = descriptionDeprecated();
  cache = new Map();
  for (const [operationId, names] of fromDescription) {
    const ref = SDK_PARAMS[operationId];
    if (ref === undefined) throw new Error(`No SDK parameters listed for ${operationId} (SDK_PARAMS in lib/testing/deprecated-fields.ts)`);
    cache.set(operationId, { ...names, sdk: ref ? sdkDeprecated(ref) : new Set() });
  }
  return cache;
}

/** Every key of a JSON body at any depth, with where it sits. */
function bodyKeys(value: unknown, at = ""): [key: string, where: string][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => bodyKeys(v, `${at}/${i}`));
  if (!value || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) => [[k, `${at}/${k}`] as [string, string], ...bodyKeys(v, `${at}/${k}`)]);
}

/** What a request sent that is deprecated, each as "operation: query|body name (by the description|SDK)". */
export function deprecatedFieldsSent(exchange: Pick<Exchange, "operationId" | "method" | "path" | "query" | "requestBody">): string[] {
  const op = exchange.operationId;
  if (!op) return [`${exchange.method} ${exchange.path}: no operation of the descriptions`];
  const names = deprecatedNames().get(op);
  if (!names) return [`${op}: unknown operation`];
  const problems: string[] = [];
  for (const key of new Set(exchange.query.keys())) {
    if (names.query.has(key)) problems.push(`${op}: query ${key} (deprecated by the description)`);
    else if (names.sdk.has(key)) problems.push(`${op}: query ${key} (deprecated by the SDK's types)`);
  }
  for (const [key, where] of bodyKeys(exchange.requestBody)) {
    if (names.body.has(key)) problems.push(`${op}: body ${where} (deprecated by the description)`);
    else if (names.sdk.has(key)) problems.push(`${op}: body ${where} (deprecated by the SDK's types)`);
  }
  return problems;
}
