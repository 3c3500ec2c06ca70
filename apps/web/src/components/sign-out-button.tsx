"use client";
import { useState } from "react";
import { signingOut } from "../lib/signing-out";
import { forgetOfflinePages } from "../sync/service-worker";

/**
 * A plain POST to Better Auth's sign-out endpoint: the full auth client (13 kB
 * compressed) is not worth loading on every signed-in page for one request.
 */
export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  const signOut = async () => {
    setBusy(true);
    signingOut.now = true;
    await fetch("/api/auth/sign-out", {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json" },
      body: "{}",
    }).catch(() => undefined);
    forgetOfflinePages();
    // A full navigation drops the in-memory API token along with the page.
    window.location.assign("/");
  };
  return (
    <button type="button" className="button button-quiet" onClick={signOut} disabled={busy}>
      {busy ? "Signing out…" : "Sign out"}
    </button>
  );
}
