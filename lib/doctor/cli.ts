// `npm run doctor [-- --json] [--message ID] [--deadline SECONDS]`: before analysts use a real
// account (and after a Cloudflare change), every read the console makes, once, with the server's
// own configuration; a table of how each went. Run with `tsx --conditions=react-server` so the
// server-only modules it shares with the console load outside Next.js.
import { parseArgs } from "node:util";
import { createUpstream } from "@/lib/cloudflare/client";
import { EnvError, parseEnv } from "@/lib/env";
import { investigateIdSchema } from "@/lib/schemas/ids";
import { EXIT, exitCode, formatReport, reportJson } from "./report";
import { DEFAULT_DEADLINE_MS, runDoctor } from "./run";

const USAGE = `npm run doctor -- [options]
  --json              the report as JSON (for scripts), exit code included
  --message <id>      read this message in detail instead of the search's first
  --deadline <s>      give up after this many seconds in all (default ${DEFAULT_DEADLINE_MS / 1000}, at most 300)
Exit codes: ${EXIT.ok} every read the console needs was answered; ${EXIT.refused} at least one was refused;
${EXIT.cannotRun} the doctor could not run (a configuration the server would refuse, or a bad option).
Reads the same environment as the server (CLOUDFLARE_API_TOKEN, CLOUDFLARE_ACCOUNT_ID, …).`;

function cannotRun(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(EXIT.cannotRun);
}

function options() {
  try {
    const { values } = parseArgs({
      options: { json: { type: "boolean" }, message: { type: "string" }, deadline: { type: "string" }, help: { type: "boolean" } },
    });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      process.exit(EXIT.ok);
    }
    const deadline = values.deadline === undefined ? DEFAULT_DEADLINE_MS / 1000 : Number(values.deadline);
    if (!Number.isInteger(deadline) || deadline < 1 || deadline > 300) cannotRun(`--deadline must be a whole number of seconds from 1 to 300\n\n${USAGE}`);
    const message = values.message === undefined ? undefined : investigateIdSchema.safeParse(values.message);
    if (message && !message.success) cannotRun(`--message: ${message.error.issues[0]?.message ?? "not an investigate id"}\n\n${USAGE}`);
    return { json: values.json ?? false, messageId: message?.data, deadlineMs: deadline * 1000 };
  } catch (err) {
    cannotRun(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
  }
}

async function main(): Promise<void> {
  const { json, messageId, deadlineMs } = options();
  let env;
  try {
    env = parseEnv(process.env);
  } catch (err) {
    if (err instanceof EnvError) cannotRun(`${err.message}\nThe doctor reads the server's configuration; fix it as you would for \`npm start\`.`);
    throw err;
  }
  const report = await runDoctor({
    upstream: createUpstream(env),
    mode: env.upstream.mode,
    readTimeoutMs: env.limits.readTimeoutMs,
    deadlineMs,
    messageId,
  });
  process.stdout.write(`${json ? reportJson(report) : formatReport(report)}\n`);
  process.exitCode = exitCode(report);
}

main().catch((err: unknown) => {
  // Never the error object itself: an SDK error carries its request, headers included.
  process.stderr.write(`The doctor failed: ${err instanceof Error ? err.message : "unknown error"}\n`);
  process.exit(EXIT.cannotRun);
});
