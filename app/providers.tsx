"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
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
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
