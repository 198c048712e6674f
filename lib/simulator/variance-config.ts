// Variance mode's public interface: the quirk names, the config accepted by
// `createSimulator({ variance })`, `setVariance` and `PUT /__simulator/variance`, and the env
// variable. Kept free of the engine (and of the OpenAPI file) so e2e code can import it cheaply.
import { z } from "zod";

/**
 * The ways the real API may legally differ from what the console is used to. Each is described
 * where it is applied (variance.ts); README "The standalone simulator" has the overview.
 */
export const varianceQuirkSchema = z.enum([
  "pageNumbered",
  "opaqueCursors",
  "oddIds",
  "searchLocation",
  "nullCompletedAt",
  "noJobMessageDetail",
  "unknownEnums",
  "omitOptional",
  "nullNullable",
  "noEntryId",
  "partialResultInfo",
]);
export type VarianceQuirk = z.infer<typeof varianceQuirkSchema>;
export const VARIANCE_QUIRKS: readonly VarianceQuirk[] = varianceQuirkSchema.options;

export const varianceConfigSchema = z
  .object({
    /** Replays a run: the same seed gives the same replies to the same requests. */
    seed: z.number().int().min(0).max(2 ** 31 - 1),
    /**
     * Without `force`, every quirk applies pseudo-randomly (per seed and entity/request).
     * With `force`, exactly the listed quirks apply, each to every reply it can; the rest are off,
     * so a browser test can make one behaviour certain without the others' noise.
     */
    force: z.array(varianceQuirkSchema).optional(),
  })
  .strict();
export type VarianceConfig = z.infer<typeof varianceConfigSchema>;

/** Whether a quirk can show up at all under this config (forced, or seeded without a force list). */
export function quirkEnabled(config: VarianceConfig | null, quirk: VarianceQuirk): boolean {
  if (!config) return false;
  return config.force ? config.force.includes(quirk) : true;
}

const seedText = z
  .string()
  .trim()
  .regex(/^\d+$/, "must be a non-negative whole number")
  .transform(Number)
  .pipe(z.number().int().max(2 ** 31 - 1, "must be at most 2147483647"));

/** Parses a seed given on the command line or in SIMULATOR_VARIANCE_SEED; the error names `source`. */
export function parseVarianceSeed(raw: string | undefined, source: string): VarianceConfig | null {
  if (raw === undefined || raw.trim() === "") return null;
  const parsed = seedText.safeParse(raw);
  if (!parsed.success) throw new Error(`${source} ${parsed.error.issues[0]?.message ?? "is invalid"}, got ${JSON.stringify(raw)}`);
  return { seed: parsed.data };
}

/** Variance for the demo and standalone simulators: off unless SIMULATOR_VARIANCE_SEED is set. */
export function varianceFromEnv(env: Record<string, string | undefined> = process.env): VarianceConfig | null {
  return parseVarianceSeed(env.SIMULATOR_VARIANCE_SEED, "SIMULATOR_VARIANCE_SEED");
}
