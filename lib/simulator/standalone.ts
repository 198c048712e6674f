// `npm run simulator -- --port 8787 [--host 127.0.0.1] [--seed 1] [--variance 7]`: the simulator on a
// real port. `--variance` (or SIMULATOR_VARIANCE_SEED) starts it in variance mode with that seed.
import { createSimulator } from "./index";
import { startSimulatorServer } from "./http-server";
import { parseVarianceSeed, varianceFromEnv, type VarianceConfig } from "./variance-config";

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  if (i !== -1) return args[i + 1];
  return args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

function intOption(name: string, fallback: number): number {
  const raw = option(name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a non-negative integer, got ${JSON.stringify(raw)}`);
    process.exit(2);
  }
  return n;
}

function varianceOption(): VarianceConfig | null {
  try {
    return parseVarianceSeed(option("variance"), "--variance") ?? varianceFromEnv();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const variance = varianceOption();
  const simulator = createSimulator({ seed: intOption("seed", 1), token: process.env.SIMULATOR_TOKEN || undefined, variance });
  const running = await startSimulatorServer(simulator, { host: option("host") ?? "127.0.0.1", port: intOption("port", 8787) });
  const stop = (signal: string): void => {
    console.log(`Simulator stopping (${signal})`);
    void running.close().then(() => process.exit(0));
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
  // Announce readiness only once the signal handlers exist: a harness may kill us the moment it reads this.
  console.log(`Simulator listening on ${running.baseUrl}`);
  if (variance) console.log(`Variance mode on, seed ${variance.seed} (PUT/DELETE /__simulator/variance to change it)`);
}

main().catch((error: unknown) => {
  console.error("Simulator failed to start:", error);
  process.exit(1);
});
