import type { ButtonHTMLAttributes } from "react";

type Variant = "primary" | "secondary" | "danger" | "ghost";

const VARIANTS: Record<Variant, string> = {
  primary: "bg-blue-700 text-white hover:bg-blue-800 border-blue-800",
  secondary: "bg-white text-zinc-800 hover:bg-zinc-100 border-zinc-300",
  danger: "bg-red-700 text-white hover:bg-red-800 border-red-800",
  ghost: "bg-transparent text-zinc-700 hover:bg-zinc-200 border-transparent",
};

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  size?: "sm" | "md";
}

export function Button({ variant = "secondary", size = "sm", className = "", type = "button", ...props }: ButtonProps) {
  return (
    <button
      type={type}
      className={`inline-flex items-center justify-center gap-1 rounded border font-medium whitespace-nowrap disabled:cursor-not-allowed disabled:opacity-50 ${
        size === "sm" ? "h-7 px-2.5 text-[12px]" : "h-8 px-3 text-[13px]"
      } ${VARIANTS[variant]} ${className}`}
      {...props}
    />
  );
}
