// Runs once when the server starts. The Node.js part lives in its own module so the Edge build of
// this hook never sees `process.exit`.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkConfigurationAtStartup, openStateAtStartup } = await import("./lib/startup");
  checkConfigurationAtStartup();
  // Never a reason not to start: a database that is not there yet is retried by the next request.
  await openStateAtStartup().catch((err: unknown) => console.error(`[triage] could not open state at start: ${String(err)}`));
}
