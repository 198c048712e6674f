import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ErrorState } from "@/components/ui/error-state";
import { RateLimitNotice } from "@/components/ui/rate-limit-notice";
import { ApiError } from "@/lib/queries/http";

/** Loading, failure with Retry, or the data: the three states every tab's request can be in. */
export function QueryState<T>({
  query,
  what,
  children,
}: {
  query: UseQueryResult<T>;
  /** "detections", "the trace": completes "Loading …" and "Could not load …". */
  what: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) {
    return (
      <div aria-busy="true" className="flex flex-col gap-2">
        <p role="status" className="text-zinc-600">
          Loading {what}…
        </p>
        <RateLimitNotice query={query} />
        <div className="h-3 w-2/3 animate-pulse rounded bg-zinc-200" />
        <div className="h-3 w-1/2 animate-pulse rounded bg-zinc-200" />
      </div>
    );
  }
  if (query.isError) {
    const error = query.error;
    return (
      <ErrorState
        title={`Could not load ${what}`}
        message={error.message}
        detail={error instanceof ApiError ? `${error.status} ${error.code}` : undefined}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  }
  return <>{children(query.data)}</>;
}
