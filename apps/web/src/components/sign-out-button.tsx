"use client";
import { useState } from "react";
import { authClient } from "@/lib/auth-client";

export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  const signOut = async () => {
    setBusy(true);
    await authClient.signOut().catch(() => undefined);
    // A full navigation drops the in-memory API token along with the page.
    window.location.assign("/");
  };
  return (
    <button type="button" className="button button-quiet" onClick={signOut} disabled={busy}>
      {busy ? "Signing out…" : "Sign out"}
    </button>
  );
}
