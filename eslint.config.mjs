// ESLint (flat config): TypeScript's recommended rules, the rules of hooks, Next.js's own, and the
// layers of the house (import-x: import direction and cycles; README "Layers").
// Part of `npm test` (`npm run lint`, which also fails on any warning).
import nextPlugin from "@next/eslint-plugin-next";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";
import { layersOf } from "./eslint.layers.mjs";

const root = import.meta.dirname;
const layers = layersOf(root);
const at = (files) => files.map((file) => `${root}/${file}`);

// Who may reach the simulator: the SDK transport's factory (lib/cloudflare/client.ts picks it in
// demo mode), the doctor, the simulator itself, and tests, e2e and bench.
const SIMULATOR_USERS = [
  "lib/simulator/**",
  "lib/cloudflare/client.ts",
  "lib/doctor/**",
  "lib/testing/**",
  "**/*.test.ts",
  "**/*.test.tsx",
  "e2e/**",
  "bench/**",
  "playwright.config.ts",
];

export default tseslint.config(
  {
    ignores: [".next/**", ".next-*/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "data/**"],
  },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,mts,mjs}"],
    plugins: { "react-hooks": reactHooks, "@next/next": nextPlugin },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      // The two rules of hooks. The plugin's other "recommended" rules (purity, refs,
      // set-state-in-effect, …) check code for the React Compiler, which this app does not use.
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      // `_name` marks a parameter or binding kept on purpose; a rest object may leave fields out.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    files: ["**/*.{ts,tsx,mts}"],
    plugins: { "import-x": importX },
    settings: {
      // import-x reads TypeScript files only when told to (its default is JavaScript): without this
      // no-cycle sees no imports at all.
      "import-x/extensions": [".ts", ".tsx", ".mts"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx", ".mts"] },
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: `${root}/tsconfig.json` })],
    },
    rules: {
      "import-x/no-restricted-paths": [
        "error",
        {
          basePath: root,
          zones: [
            {
              target: `${root}/lib/**/!(*.test).{ts,tsx}`, // a test beside lib code may drive a route
              from: ["./components", "./app"],
              message: "lib/ is below components/ and app/: move what both need into lib/.",
            },
            {
              target: at(layers.browser),
              from: at(layers.server),
              message:
                "browser code (a component, a \"use client\" file or a module they import) cannot import a server module (marked server-only, or in lib/cloudflare, lib/db, lib/env, lib/simulator, lib/doctor, lib/testing).",
            },
          ],
        },
      ],
      // Runtime cycles only: `import type` is erased and may point either way.
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "(^|/)lib/simulator(/|$)|^\\.\\.?/(\\.\\./)*simulator(/|$)",
              message: "Only the upstream client factory (lib/cloudflare/client.ts), the doctor, tests, e2e and bench reach the simulator.",
            },
          ],
        },
      ],
    },
  },
  {
    files: SIMULATOR_USERS,
    rules: { "no-restricted-imports": "off" },
  },
  {
    files: ["**/*.test.ts", "**/*.test.tsx", "e2e/**", "lib/testing/**", "lib/simulator/test-helpers.ts"],
    rules: {
      "react-hooks/rules-of-hooks": "off", // Playwright's fixture `use` and vitest helpers named `use…` are not React hooks.
      "@typescript-eslint/no-explicit-any": "off", // Tests read loosely shaped JSON replies and poke at hostile inputs.
    },
  },
);
