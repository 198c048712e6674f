"use client";

import { useEffect, useRef, type InputHTMLAttributes } from "react";

/** A native checkbox that can also show "some selected" (indeterminate is DOM-only state). */
export function Checkbox({ indeterminate = false, className = "", ...props }: InputHTMLAttributes<HTMLInputElement> & { indeterminate?: boolean }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return <input ref={ref} type="checkbox" className={`size-3.5 accent-blue-700 ${className}`} {...props} />;
}
