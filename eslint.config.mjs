// ESLint (flat config): TypeScript's recommended rules, the rules of hooks and Next.js's own.
// Part of `npm test` (`npm run lint`, which also fails on any warning).
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

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
    files: ["**/*.test.ts", "**/*.test.tsx", "e2e/**", "lib/testing/**", "lib/simulator/test-helpers.ts"],
    rules: {
      "react-hooks/rules-of-hooks": "off", // Playwright's fixture `use` and vitest helpers named `use…` are not React hooks.
      "@typescript-eslint/no-explicit-any": "off", // Tests read loosely shaped JSON replies and poke at hostile inputs.
    },
  },
);
