"use client";
import { useState } from "react";

/** Shown while the API cannot be reached; typed text stays where it is. */
export function OutageBanner({ message, onRetry }: { message: string; onRetry: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const retry = async () => {
    setBusy(true);
    await onRetry();
    setBusy(false);
  };
  return (
    <div className="banner banner-warning" role="alert">
      <div>
        <p className="banner-title">{message}</p>
        <p className="banner-text">
          Your list may be out of date and new changes aren't saved. Anything you typed is kept.
        </p>
      </div>
      <button type="button" className="button button-secondary" onClick={retry} disabled={busy}>
        {busy ? "Retrying…" : "Retry"}
      </button>
    </div>
  );
}
