import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // `server-only` throws outside React Server Components; tests run on the server anyway.
      "server-only": fileURLToPath(new URL("./lib/testing/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["node_modules/**", ".next/**", ".next-*/**", "e2e/**"],
    environment: "node",
    testTimeout: 20_000,
    // Tests never write the console database file; each worker gets its own in memory. Route tests
    // run in demo mode (the in-process simulator), which is now an explicit choice.
    env: { DATABASE_URL: ":memory:", TRIAGE_DEMO: "1" },
  },
});
