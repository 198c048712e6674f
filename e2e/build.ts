// `next build` for the browser tests, with the e2e server's environment — including its fake,
// recognisable Cloudflare token — so the secret-leak journey can prove the build never inlined it.
import { spawnSync } from "node:child_process";
import { E2E } from "./env";

const result = spawnSync("npx", ["next", "build"], {
  stdio: "inherit",
  env: { ...process.env, ...E2E.serverEnv },
});
process.exit(result.status ?? 1);
