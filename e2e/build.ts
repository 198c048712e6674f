// `next build` for the browser tests, with the e2e server's environment — including its fake,
// recognisable Cloudflare token — so the secret-leak journey can prove the build never inlined it.
// Then the first-load JavaScript of every page is checked against the budget recorded in the
// repository (bench/first-load.ts): a page that grew more than 5% fails the run.
import { spawnSync } from "node:child_process";
import { checkFirstLoad } from "../bench/first-load";
import { E2E } from "./env";

const result = spawnSync("npx", ["next", "build"], {
  stdio: "inherit",
  env: { ...process.env, ...E2E.serverEnv },
});
if (result.status !== 0) process.exit(result.status ?? 1);
const problems = checkFirstLoad(E2E.distDir);
for (const p of problems) console.error(`first-load JavaScript over budget: ${p}`);
process.exit(problems.length ? 1 : 0);
