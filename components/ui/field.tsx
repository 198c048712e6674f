import { useId, type ReactNode } from "react";

/**
 * A labelled control with room for an error under it. The error is tied to the control with
 * aria-describedby / aria-invalid so screen readers announce it with the field.
 */
export function Field({
  label,
  error,
  className = "",
  children,
}: {
  label: string;
  error?: string;
  className?: string;
  children: (props: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={`flex min-w-0 flex-col gap-0.5 ${className}`}>
      <label htmlFor={id} className="text-[11px] font-medium text-zinc-600">
        {label}
      </label>
      {children({ id, ...(error ? { "aria-invalid": true, "aria-describedby": errorId } : {}) })}
      {error ? (
        <p id={errorId} className="text-[11px] text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export const inputClass =
  "h-7 w-full min-w-0 rounded border border-zinc-300 bg-white px-2 text-[12px] text-zinc-900 placeholder:text-zinc-400 aria-invalid:border-red-500 aria-invalid:bg-red-50 disabled:bg-zinc-100";
