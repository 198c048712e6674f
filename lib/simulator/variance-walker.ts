// The description-driven half of variance mode: walks the `result` schema of an operation's
// reply (following `$ref`, `allOf`, `oneOf` + discriminator, `items`) alongside the reply itself,
// and where the description allows it, omits optional fields, nulls nullable ones and swaps enum
// values for ones the console has never seen. Nothing here lists the API's fields by hand except
// OPEN_STRINGS below, because a plain `type: string` cannot say that it is really an open enum.
import { isReconstructed, responseSchema, specOf, type OpenApiOperation, type SchemaObject } from "./openapi";

export type WalkQuirk = "omitOptional" | "nullNullable" | "unknownEnums";
/** Whether `quirk` applies at `path` inside `entity`; pure, so the same reply always varies the same way. */
export type Decide = (quirk: WalkQuirk, entity: string, path: string) => boolean;
/** Picks a value outside `known` for the enum at `path` inside `entity`. */
export type Invent = (known: readonly string[], entity: string, path: string) => string;

interface Field {
  shape: Shape;
  required: boolean;
  nullable: boolean;
}

interface Shape {
  /** The component this shape was defined in, e.g. email-security_MessageDetails; "" when inline in a path. */
  component: string;
  properties: Map<string, Field> | null;
  items: Shape | null;
  /**
   * Values the console may see beyond the listed ones, or null when the set is closed.
   * Which enums are open:
   * - enums defined in `x-provenance: reconstructed` components (dispositions, delivery status and
   *   mode, validation results, mailbox destinations, allowlist pattern types, post-delivery
   *   operations): they were rebuilt from docs and SDK types, and the SDK already knows values the
   *   docs do not (`move_failed`), so the real API can plausibly send more;
   * - the strings in OPEN_STRINGS, which the description leaves free but the console reads as a
   *   vocabulary (detections `action`, action-log `status`, move `operation`).
   * Enums of official components (bulk-job and row `status`, `action_type`, action-log `operation`,
   * the `type` discriminator) and `success: true` stay closed: the official file lists them
   * exhaustively, and an unknown value there would fail the description, not test the console.
   */
  openEnum: readonly string[] | null;
  oneOf: { discriminator: string; branches: Map<string, Shape> } | null;
}

/** Free-text fields the console treats as an enum; the examples are the values the simulator sends. */
const OPEN_STRINGS: Record<string, readonly string[]> = {
  "email-security_MessageDetectionDetails.action": ["DELIVER", "QUARANTINE", "REJECT", "MOVE"],
  "email-security_ActionEntry.status": ["completed"],
  "email-security_MoveResponseItem.operation": ["MOVE"],
};

/** Each description's components, and the shapes built from them (the two files name components alike). */
type Components = Record<string, SchemaObject>;
const componentShapes = new WeakMap<Components, Map<string, Shape>>();

function refName(ref: unknown): string | null {
  return typeof ref === "string" && ref.startsWith("#/components/schemas/") ? ref.slice("#/components/schemas/".length) : null;
}

/** A schema and every schema it is made of through `$ref` and `allOf`, each with its component. */
function flatten(schemas: Components, schema: SchemaObject, component: string, out: { schema: SchemaObject; component: string }[] = []): typeof out {
  const name = refName(schema.$ref);
  if (name) {
    const target = schemas[name];
    if (target) flatten(schemas, target, name, out);
    return out;
  }
  out.push({ schema, component });
  if (Array.isArray(schema.allOf)) for (const part of schema.allOf as SchemaObject[]) flatten(schemas, part, component, out);
  return out;
}

/** OpenAPI 3.0: `nullable` on the node itself, or on the component a bare `$ref` points to. */
function isNullable(schemas: Components, schema: SchemaObject): boolean {
  if (schema.nullable === true) return true;
  const name = refName(schema.$ref);
  if (name) return schemas[name] ? isNullable(schemas, schemas[name]) : false;
  if (Array.isArray(schema.allOf) && schema.type === undefined && schema.allOf.length > 0) {
    return (schema.allOf as SchemaObject[]).every((part) => isNullable(schemas, part));
  }
  return false;
}

function shapeOf(schemas: Components, schema: SchemaObject, component: string): Shape {
  const name = refName(schema.$ref);
  if (name && Object.keys(schema).length === 1) return componentShape(schemas, name);
  const parts = flatten(schemas, schema, component);
  const shape: Shape = { component, properties: null, items: null, openEnum: null, oneOf: null };
  const required = new Set<string>();
  for (const part of parts) {
    if (Array.isArray(part.schema.required)) for (const r of part.schema.required) required.add(String(r));
    // The settings description lists always-present reply fields apart, so a mock does not demand
    // read-only fields in request bodies; in a reply they are as required as `required` ones.
    const always = part.schema["x-response-required"];
    if (Array.isArray(always)) for (const r of always) required.add(String(r));
  }
  for (const part of parts) {
    const s = part.schema;
    if (s.properties && typeof s.properties === "object") {
      shape.properties ??= new Map();
      for (const [prop, sub] of Object.entries(s.properties as Record<string, SchemaObject>)) {
        let child = shapeOf(schemas, sub, part.component);
        const open = OPEN_STRINGS[`${part.component}.${prop}`];
        if (open) child = { ...child, openEnum: open };
        shape.properties.set(prop, { shape: child, required: required.has(prop), nullable: isNullable(schemas, sub) });
      }
    }
    if (s.items && typeof s.items === "object") shape.items = shapeOf(schemas, s.items as SchemaObject, part.component);
    if (Array.isArray(s.enum) && s.enum.every((v) => typeof v === "string") && part.component) {
      const owner = schemas[part.component];
      if (owner && isReconstructed(owner)) shape.openEnum = s.enum as string[];
    }
    const discriminator = (s.discriminator as { propertyName?: string } | undefined)?.propertyName;
    if (discriminator && Array.isArray(s.oneOf)) {
      const branches = new Map<string, Shape>();
      for (const branch of s.oneOf as SchemaObject[]) {
        const tag = ((branch.properties as Record<string, SchemaObject> | undefined)?.[discriminator]?.enum as string[] | undefined)?.[0];
        if (tag) branches.set(tag, shapeOf(schemas, branch, part.component));
      }
      shape.oneOf = { discriminator, branches };
    }
  }
  return shape;
}

function componentShape(schemas: Components, name: string): Shape {
  let cache = componentShapes.get(schemas);
  if (!cache) componentShapes.set(schemas, (cache = new Map()));
  let shape = cache.get(name);
  if (!shape) {
    const schema = schemas[name];
    // Placeholder first, so a component that refers to itself does not recurse forever.
    const placeholder: Shape = { component: name, properties: null, items: null, openEnum: null, oneOf: null };
    cache.set(name, placeholder);
    shape = schema ? Object.assign(placeholder, shapeOf(schemas, schema, name)) : placeholder;
  }
  return shape;
}

const resultShapes = new Map<string, Shape | null>();

/** The shape of `result` in an operation's reply with this status (the envelope and result_info are never varied). */
export function resultShape(op: OpenApiOperation, status: number): Shape | null {
  const key = `${op.operationId} ${status}`;
  if (!resultShapes.has(key)) {
    const schema = responseSchema(op, status);
    const schemas = specOf(op).components.schemas;
    resultShapes.set(key, schema ? (shapeOf(schemas, schema, "").properties?.get("result")?.shape ?? null) : null);
  }
  return resultShapes.get(key) ?? null;
}

/** The id that makes an object an entity of its own: decisions inside it are keyed by it, not by where it sits. */
function entityOf(value: Record<string, unknown>, component: string): string | null {
  const id = value.id ?? value.job_id ?? value.message_id;
  return typeof id === "string" && id !== "" ? `${component}:${id}` : null;
}

/** Varies `value` in place (and returns it, as a string may be replaced). */
export function varyValue(value: unknown, shape: Shape, entity: string, path: string, decide: Decide, invent: Invent): unknown {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) {
    if (shape.items) for (let i = 0; i < value.length; i++) value[i] = varyValue(value[i], shape.items, entity, `${path}[${i}]`, decide, invent);
    return value;
  }
  if (typeof value === "string") {
    if (shape.openEnum && decide("unknownEnums", entity, path)) return invent(shape.openEnum, entity, path);
    return value;
  }
  if (typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  if (shape.oneOf) {
    const branch = shape.oneOf.branches.get(String(record[shape.oneOf.discriminator]));
    return branch ? varyValue(record, branch, entity, path, decide, invent) : record;
  }
  if (!shape.properties) return record;
  const own = entityOf(record, shape.component);
  const base = own ?? entity;
  const prefix = own ? "" : path;
  for (const [name, field] of shape.properties) {
    if (!(name in record)) continue;
    const at = `${prefix}.${name}`;
    if (!field.required && decide("omitOptional", base, at)) {
      delete record[name];
    } else if (field.nullable && record[name] !== null && decide("nullNullable", base, at)) {
      record[name] = null;
    } else {
      record[name] = varyValue(record[name], field.shape, base, at, decide, invent);
    }
  }
  return record;
}
