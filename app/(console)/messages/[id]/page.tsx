import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { InvalidMessageId } from "@/components/message/invalid-message-id";
import { MessagePage } from "@/components/message/message-page";
import { getMessage, type Message } from "@/lib/cloudflare";
import { spendPageRead } from "@/lib/api/user-budget";
import { AppError } from "@/lib/errors";
import { investigateIdSchema } from "@/lib/schemas/ids";

type Params = Promise<{ id: string }>;

function parseId(raw: string): { ok: true; id: string } | { ok: false; value: string; reason: string } {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return { ok: false, value: raw, reason: "The id is not valid URL encoding" };
  }
  const parsed = investigateIdSchema.safeParse(decoded);
  return parsed.success
    ? { ok: true, id: parsed.data }
    : { ok: false, value: decoded, reason: parsed.error.issues[0]?.message ?? "Malformed id" };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const parsed = parseId((await params).id);
  // The subject is attacker-written; the tab title stays generic.
  return { title: parsed.ok ? "Message" : "Invalid message id" };
}

// GET /messages/{id}: the id is checked, then Cloudflare is asked once here so an unknown id
// answers a real 404. Any other upstream failure is left to the client, which shows it with Retry.
export default async function MessageRoute({ params }: { params: Params }) {
  const parsed = parseId((await params).id);
  if (!parsed.ok) return <InvalidMessageId value={parsed.value} reason={parsed.reason} />;

  let initialDetail: Message | undefined;
  try {
    // The render's read counts against the user's budget like the API's; if it is spent, the
    // client's own fetch shows the 429 with its countdown.
    await spendPageRead();
    initialDetail = await getMessage(parsed.id);
  } catch (error) {
    if (AppError.is(error) && error.status === 404) notFound();
  }
  return (
    <Suspense>
      <MessagePage id={parsed.id} initialDetail={initialDetail} />
    </Suspense>
  );
}
