import { randomBytes, scryptSync } from "node:crypto";

/**
 * For test files that point the console at a configured upstream (Prism, a fake fetch) instead of
 * demo mode: vitest turns demo mode on for every file, and outside it plain-text passwords are
 * refused, so the account gets a real scrypt entry. Call before anything reads the configuration.
 */
export function configureNonDemoEnv(env: { email: string; role: "viewer" | "analyst" | "admin"; password: string }): void {
  const salt = randomBytes(16);
  const key = scryptSync(env.password, salt, 32, { N: 16384, r: 8, p: 1 });
  process.env.TRIAGE_DEMO = "0";
  process.env.CONSOLE_LOCAL_USERS = `${env.email}:${env.role}:scrypt$${salt.toString("base64")}$${key.toString("base64")}`;
}
