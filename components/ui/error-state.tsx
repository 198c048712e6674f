import { Button } from "./button";

/** The one way a failed request is shown: what failed, the server's words, and a way to try again. */
export function ErrorState({
  title,
  message,
  detail,
  onRetry,
  retrying,
}: {
  title: string;
  message: string;
  detail?: string;
  onRetry?: () => void;
  retrying?: boolean;
}) {
  return (
    <div role="alert" className="rounded border border-red-200 bg-red-50 px-4 py-3">
      <p className="font-semibold text-red-900">{title}</p>
      <p className="mt-0.5 text-red-900">{message}</p>
      {detail ? <p className="mt-0.5 font-mono text-[11px] text-red-700">{detail}</p> : null}
      {onRetry ? (
        <Button className="mt-2" onClick={onRetry} disabled={retrying}>
          {retrying ? "Retrying…" : "Retry"}
        </Button>
      ) : null}
    </div>
  );
}
