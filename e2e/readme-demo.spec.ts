import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";

// The README's demo command, run exactly as the README prints it: no NEXTAUTH_URL, no variable the
// README does not set, the address the server prints. Every other journey sets NEXTAUTH_URL, and
// that set-up once hid that the printed address refused every change (a 403 "cross-site" on each
// move, release and block).

/** The line of the README's "Two commands" block that starts the console, without its comment. */
function readmeDemoCommand(): string {
  const readme = readFileSync("README.md", "utf8");
  const block = /## Two commands\s+```sh\n([\s\S]*?)```/.exec(readme)?.[1];
  const line = block?.split("\n").find((l) => /npm (run )?dev\b/.test(l));
  if (!line) throw new Error("README.md has no demo command in its Two commands block");
  return line.replace(/\s+#.*$/, "").trim();
}

/** Only what a person's shell has: no test variables, no CI's database or Redis. */
function newcomerEnvironment(): NodeJS.ProcessEnv {
  const { PATH, HOME, USER, LANG, TMPDIR } = process.env;
  // No NODE_ENV either (Next.js's types insist on one): `npm run dev` sets what it needs.
  return Object.fromEntries(Object.entries({ PATH, HOME, USER, LANG, TMPDIR }).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv;
}

function startDemo(command: string): { server: ChildProcess; printedAddress: Promise<string>; output: () => string } {
  // Its own process group, so stopping it stops npm, next and its workers together.
  const server = spawn("sh", ["-c", command], { env: newcomerEnvironment(), detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const printedAddress = new Promise<string>((resolve, reject) => {
    const look = (chunk: Buffer) => {
      output += chunk.toString();
      const local = /Local:\s+(https?:\/\/\S+)/.exec(output);
      if (local && /Ready in/.test(output)) resolve(local[1]!);
    };
    server.stdout!.on("data", look);
    server.stderr!.on("data", look);
    server.on("exit", (code) => reject(new Error(`the demo command exited (${code}) before it printed an address:\n${output}`)));
  });
  return { server, printedAddress, output: () => output };
}

async function openFirstRow(page: Page, address: string, search: string): Promise<string> {
  await page.goto(`${address}/messages?${search}`);
  const row = page.getByRole("table", { name: "Messages" }).locator("tbody tr[data-row-id]").first();
  // The first visit compiles the page on demand.
  await expect(row).toBeVisible({ timeout: 120_000 });
  const subject = (await row.getByRole("link").first().textContent())?.trim() ?? "";
  await row.getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible({ timeout: 120_000 });
  await expect(page.getByText(/^Keys:/)).toBeVisible({ timeout: 60_000 });
  return subject;
}

test.use({ storageState: { cookies: [], origins: [] } });
// Installing and compiling on demand on a 2-core machine takes minutes, not the usual seconds.
test.setTimeout(420_000);

test("the README's demo command: sign in at the printed address, then move, release and block", async ({ page }) => {
  const command = readmeDemoCommand();
  expect(command).toBe("npm install && npm run dev");
  const demo = startDemo(command);
  try {
    const address = await demo.printedAddress;
    expect(address).toBe("http://127.0.0.1:3000");
    // The server says, at start-up, which addresses may make changes.
    await expect.poll(demo.output, { timeout: 120_000 }).toContain(`changes accepted from ${address}`);

    await page.goto(`${address}/signin`);
    await page.getByLabel("Email").fill("analyst@demo.test");
    await page.getByLabel("Password").fill("demo");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/messages/, { timeout: 120_000 });

    // Move a delivered message to Junk.
    await openFirstRow(page, address, "delivery_status=delivered&final_disposition=SPAM");
    const actions = page.getByRole("region", { name: "Actions" });
    await actions.getByRole("button", { name: /^Move/ }).click();
    const move = page.getByRole("dialog", { name: "Move message" });
    await move.getByRole("radio", { name: /^Junk/ }).check();
    await move.getByRole("button", { name: "Move to Junk" }).click();
    await expect(actions.getByRole("status").filter({ hasText: /^Moved/ })).toBeVisible({ timeout: 60_000 });
    await expect(move).toBeHidden();

    // Release a quarantined message that is not a threat (a threat's release waits for a second admin).
    await openFirstRow(page, address, "delivery_status=quarantined&final_disposition=SPAM");
    await actions.getByRole("button", { name: /^Release/ }).click();
    const release = page.getByRole("dialog", { name: "Release message" });
    await release.getByRole("button", { name: "Release and deliver" }).click();
    await expect(actions.getByRole("status").filter({ hasText: /^Released/ })).toBeVisible({ timeout: 60_000 });

    // Block the sender of a delivered message.
    await openFirstRow(page, address, "delivery_status=delivered&final_disposition=BULK");
    const policies = page.getByRole("group", { name: "Sender policies" });
    await policies.getByRole("button", { name: "Block sender…" }).click();
    const block = page.getByRole("dialog", { name: "Block sender" });
    await block.getByRole("button", { name: "Block", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: /^Blocked / })).toBeVisible({ timeout: 60_000 });
    await expect(block).toBeHidden();
  } finally {
    if (demo.server.pid) {
      try {
        process.kill(-demo.server.pid, "SIGTERM");
      } catch {
        // Already gone.
      }
    }
  }
});
