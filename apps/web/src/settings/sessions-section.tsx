"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { authClient } from "@/lib/auth-client";
import { describeDevice } from "./device";
import { type Notice, NoticeLine, Section } from "./section";

export interface SessionInfo {
  token: string;
  userAgent: string | null;
  createdAt: string;
  lastSeen: string;
  current: boolean;
}

const when = (iso: string) =>
  new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));

export function SessionsSection({ sessions }: { sessions: SessionInfo[] }) {
  const router = useRouter();
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  const others = sessions.filter((s) => !s.current).length;

  const run = async (action: () => Promise<{ error: unknown }>, done: string) => {
    setBusy(true);
    const { error } = await action();
    setBusy(false);
    setNotice(error ? { kind: "error", text: "Signing out failed. Please try again." } : { kind: "ok", text: done });
    router.refresh();
  };

  return (
    <Section
      id="sessions"
      title="Where you're signed in"
      lede="Sign out a device you no longer use or don't recognise."
    >
      <ul className="session-list">
        {sessions.map((s) => (
          <li key={s.token} className="session-row">
            <div>
              <p className="session-device">
                {describeDevice(s.userAgent)}
                {s.current ? <span className="session-current">This device</span> : null}
              </p>
              <p className="session-meta">
                Last active {when(s.lastSeen)} · signed in {when(s.createdAt)}
              </p>
            </div>
            {s.current ? null : (
              <button
                type="button"
                className="button button-secondary"
                disabled={busy}
                aria-label={`Sign out ${describeDevice(s.userAgent)}, last active ${when(s.lastSeen)}`}
                onClick={() => run(() => authClient.revokeSession({ token: s.token }), "That device is signed out.")}
              >
                Sign out
              </button>
            )}
          </li>
        ))}
      </ul>
      <div className="settings-actions">
        <button
          type="button"
          className="button button-secondary"
          disabled={busy || others === 0}
          onClick={() => run(() => authClient.revokeOtherSessions(), "Every other device is signed out.")}
        >
          Sign out all other devices
        </button>
        <NoticeLine notice={notice} />
      </div>
    </Section>
  );
}
