"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { useState, type ReactNode } from "react";
import { canonicalKeyOrder } from "@/lib/url-state/key-order";
import { readRetryDelay, shouldRetryRead } from "@/lib/queries/http";

export function Providers({ children }: { children: ReactNode }) {
  // One client per browser tab, kept across navigations so returning to a list is instant.
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            refetchOnWindowFocus: false,
            staleTime: 30_000,
            retry: shouldRetryRead,
            retryDelay: readRetryDelay,
          },
          mutations: { retry: false },
        },
      }),
  );
  // nuqs is the one way pages write their URL state (lib/url-state); keys are kept in one order.
  return (
    <NuqsAdapter processUrlSearchParams={canonicalKeyOrder}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </NuqsAdapter>
  );
}
