"use client";

import { useEffect, useRef, useState } from "react";
import { Button, type ButtonProps } from "./button";

/**
 * Copies a value to the clipboard and says so in its own label for a moment. The clipboard can
 * be unavailable (an http origin, a denied permission): the button then says it failed rather
 * than pretending.
 */
export function CopyButton({
  value,
  label,
  children = "Copy",
  onCopied,
  ...props
}: Omit<ButtonProps, "value" | "onClick" | "children"> & {
  /** The text to copy, or a function giving it at click time (e.g. the current URL). */
  value: string | (() => string);
  /** Accessible name, e.g. "Copy sender IP"; the visible text can stay short. */
  label: string;
  children?: string;
  onCopied?: (ok: boolean, text: string) => void;
}) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = async () => {
    const text = typeof value === "function" ? value() : value;
    let ok = false;
    try {
      await navigator.clipboard.writeText(text);
      ok = true;
    } catch {
      ok = false;
    }
    setState(ok ? "copied" : "failed");
    onCopied?.(ok, text);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState("idle"), 2_000);
  };

  return (
    <Button variant="ghost" {...props} aria-label={label} title={label} onClick={copy}>
      <span aria-live="polite">{state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : children}</span>
    </Button>
  );
}
