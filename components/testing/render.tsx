// Rendering a component in a test's DOM (happy-dom, chosen per file with
// `// @vitest-environment happy-dom`) inside the providers the app mounts: React Query (no retries,
// so a failure shows at once) and the signed-in user. Replies come from `answer`, a stand-in for
// the console's API that records every call, so a test asserts what the browser asked for.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, type RenderResult } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactElement } from "react";
import { afterEach, vi } from "vitest";
import { CurrentUserProvider, type CurrentUser } from "@/components/auth/current-user";

// vitest runs without globals, so Testing Library cannot unmount by itself between tests.
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

export interface ApiCall {
  method: string;
  path: string;
  body: unknown;
}

export function renderWithApp(
  ui: ReactElement,
  {
    user = { email: "analyst@example.test", role: "analyst" },
    answer = () => ({ status: 404, body: { error: { status: 404, code: "not_found", message: "not in this test" } } }),
  }: {
    user?: CurrentUser | null;
    answer?: (call: ApiCall) => { status: number; body: unknown };
  } = {},
): RenderResult & { calls: ApiCall[]; events: ReturnType<typeof userEvent.setup> } {
  const calls: ApiCall[] = [];
  vi.stubGlobal("fetch", async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url, "http://127.0.0.1");
    const call = { method: init?.method ?? "GET", path: url.pathname + url.search, body: init?.body ? JSON.parse(String(init.body)) : undefined };
    calls.push(call);
    const { status, body } = answer(call);
    return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const events = userEvent.setup();
  // A wrapper (not a parent element) so that `rerender` keeps the providers and the component's state.
  const result = render(ui, {
    wrapper: ({ children }) => (
      <QueryClientProvider client={client}>
        <CurrentUserProvider user={user}>{children}</CurrentUserProvider>
      </QueryClientProvider>
    ),
  });
  return { ...result, calls, events };
}
