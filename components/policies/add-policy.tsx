"use client";

import { useState } from "react";
import { usePermission } from "@/components/auth/current-user";
import { Button } from "@/components/ui/button";
import type { PolicyTab } from "@/lib/schemas/policies";
import { SenderPolicyDialog } from "./sender-policy-dialog";

/**
 * "Block a sender…" (analysts) on the blocked list, "Add an allow policy…" (admins) on the allow
 * list: the message page's form and rules, started empty. Says who may when the user may not.
 */
export function AddPolicy({ tab, onDone }: { tab: PolicyTab; onDone: (text: string) => void }) {
  const mode = tab === "blocked" ? "block" : "allow";
  const permission = usePermission(mode === "block" ? "act" : "admin");
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="primary" disabled={!permission.allowed} title={permission.reason} onClick={() => setOpen(true)}>
        {mode === "block" ? "Block a sender…" : "Add an allow policy…"}
      </Button>
      {open ? (
        <SenderPolicyDialog
          mode={mode}
          source={null}
          onClose={() => setOpen(false)}
          onDone={(text) => {
            setOpen(false);
            onDone(text);
          }}
        />
      ) : null}
    </>
  );
}
