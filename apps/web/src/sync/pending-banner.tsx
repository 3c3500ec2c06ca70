"use client";
import { useState } from "react";

/** Changes made while the API could not be reached: kept, shown as waiting, sent when it answers. */
export function PendingBanner({ count, onRetry }: { count: number; onRetry: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const retry = async () => {
    setBusy(true);
    await onRetry();
    setBusy(false);
  };
  return (
    <div className="banner banner-warning" role="status">
      <div>
        <p className="banner-title">{count === 1 ? "1 change not saved yet" : `${count} changes not saved yet`}</p>
        <p className="banner-text">
          The task server can't be reached. Your changes are kept on this device and sent when it answers again.
        </p>
      </div>
      <button type="button" className="button button-secondary" onClick={retry} disabled={busy}>
        {busy ? "Retrying…" : "Retry"}
      </button>
    </div>
  );
}
