// The lint rules that keep the layers (eslint.config.mjs, README "Layers") run on real paths of the
// tree with text that breaks them, so a config change that silently turns a rule off fails here
// (import-x once read no TypeScript at all and found no cycle in anything).
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: import.meta.dirname });

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message).filter((id) => id !== "@typescript-eslint/no-unused-vars");
}

const CASES: { name: string; file: string; code: string; rules: string[] }[] = [
  {
    name: "a component importing the vendor seam",
    file: "components/theme-select.tsx",
    code: `"use client";\nimport { searchMessages } from "@/lib/cloudflare/messages";\nexport const f = searchMessages;\n`,
    rules: ["import-x/no-restricted-paths"],
  },
  {
    name: "a shared lib module the browser imports, reaching the database",
    file: "lib/severity.ts",
    code: `import { getDb } from "@/lib/db";\nexport const f = getDb;\n`,
    rules: ["import-x/no-restricted-paths"],
  },
  {
    name: "lib/ importing a component",
    file: "lib/csv.ts",
    code: `import { ThemeSelect } from "@/components/theme-select";\nexport const f = ThemeSelect;\n`,
    rules: ["import-x/no-restricted-paths"],
  },
  {
    name: "a route handler reaching the simulator",
    file: "app/api/views/route.ts",
    code: `import { createSimulator } from "@/lib/simulator";\nexport const f = createSimulator;\n`,
    rules: ["no-restricted-imports"],
  },
  {
    name: "a cycle (lib/message-actions/destinations.ts imports lib/severity.ts)",
    file: "lib/severity.ts",
    code: `import { defaultDestination } from "@/lib/message-actions/destinations";\nexport const f = defaultDestination;\n`,
    rules: ["import-x/no-cycle"],
  },
  {
    name: "a cycle through a relative import (lib/filters/registry.ts imports ./values)",
    file: "lib/filters/values.ts",
    code: `import { FILTERS } from "./registry";\nexport const f = FILTERS;\n`,
    rules: ["import-x/no-cycle"],
  },
  {
    name: "the upstream client factory reaching the simulator",
    file: "lib/cloudflare/client.ts",
    code: `import "server-only";\nimport { createSimulator } from "../simulator";\nexport const f = createSimulator;\n`,
    rules: [],
  },
  {
    name: "a server module importing another",
    file: "lib/views/service.ts",
    code: `import "server-only";\nimport { getDb } from "@/lib/db";\nexport const f = getDb;\n`,
    rules: [],
  },
  {
    name: "a component importing the SDK's types (the one open door)",
    file: "components/theme-select.tsx",
    code: `"use client";\nimport type { Message } from "@/lib/cloudflare/types";\nexport type M = Message;\n`,
    rules: [],
  },
];

describe("the lint rules of the layers", () => {
  it.each(CASES)("$name", async ({ file, code, rules }) => {
    expect(await ruleIdsFor(file, code)).toEqual(rules);
  });
});
