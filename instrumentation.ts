// Runs once when the server starts: a bad configuration stops start-up with a message naming the variable.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv } = await import("@/lib/env");
  const { upstream } = getEnv();
  console.log(
    upstream.mode === "cloudflare"
      ? `[triage] upstream: Cloudflare account ${upstream.accountId}${upstream.baseURL ? ` via ${upstream.baseURL}` : ""}`
      : "[triage] upstream: built-in simulator (demo mode: no CLOUDFLARE_API_TOKEN set)",
  );
}
