// Runs once when the server starts. The Node.js part lives in its own module so the Edge build of
// this hook never sees `process.exit`.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkConfigurationAtStartup } = await import("./lib/startup");
  checkConfigurationAtStartup();
}
