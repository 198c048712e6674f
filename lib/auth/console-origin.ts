import "server-only";
import { getEnv } from "@/lib/env";
import { ownOrigins } from "./origin";

let decided: ReadonlySet<string> | null = null;

/**
 * The console's own origins, decided once (at start-up: instrumentation asks after Next.js has
 * bound its port) and announced in the log, so an operator sees which addresses may make changes.
 * Null only before anything says where the console is served.
 */
export function consoleOrigins(): ReadonlySet<string> | null {
  if (decided) return decided;
  decided = ownOrigins({
    configuredUrl: getEnv().auth.url,
    port: process.env.PORT,
    // Next.js's own record of the address it printed; private, so only ever an addition.
    serverUrl: process.env.__NEXT_PRIVATE_ORIGIN,
  });
  if (decided) {
    console.log(
      `[triage] changes accepted from ${[...decided].join(", ")}${getEnv().auth.url ? " (NEXTAUTH_URL)" : " (the address the server binds; set NEXTAUTH_URL in production)"}`,
    );
  }
  return decided;
}
