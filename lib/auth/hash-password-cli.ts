// `npm run hash-password`: reads a password from standard input and prints the scrypt entry to put
// after `email:role:` in CONSOLE_LOCAL_USERS. The password never appears in the shell history.
import { hashPassword } from "./password-hashes";

async function main() {
  const chunks: Buffer[] = [];
  if (process.stdin.isTTY) process.stderr.write("Password (then Enter, Ctrl-D): ");
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const password = Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
  if (!password) {
    process.stderr.write("No password given.\n");
    process.exit(1);
  }
  process.stdout.write(`${await hashPassword(password)}\n`);
}

void main();
