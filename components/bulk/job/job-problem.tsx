import Link from "next/link";
import type { ReactNode } from "react";

/** A clear stop for an address that cannot be a job (400) or names no job (404). */
export function JobProblem({ status, title, children }: { status: 400 | 404; title: string; children: ReactNode }) {
  return (
    <div className="mx-auto mt-12 flex max-w-lg flex-col gap-2 rounded border border-zinc-200 bg-white px-5 py-4">
      <p className="font-mono text-[12px] text-zinc-500">{status === 400 ? "400 Bad request" : "404 Not found"}</p>
      <h1 className="text-base font-semibold">{title}</h1>
      <div className="text-zinc-700">{children}</div>
      <Link href="/bulk" className="text-blue-800 underline">
        All bulk jobs
      </Link>
    </div>
  );
}
