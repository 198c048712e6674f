// Everything the console does at Cloudflare, one function per Investigate operation.
export * from "./messages";
export * from "./actions";
export * from "./bulk-jobs";
export type * from "./types";
