"use client";
import { useRouter } from "next/navigation";
import { type FormEvent, useId, useState } from "react";
import { authClient } from "@/lib/auth-client";
import { type Notice, NoticeLine, Section } from "./section";

const MIN_PASSWORD = 8;

export function PasswordSection() {
  const id = useId();
  const router = useRouter();
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const currentPassword = String(data.get("currentPassword") ?? "");
    const newPassword = String(data.get("newPassword") ?? "");
    if (currentPassword === "") return setNotice({ kind: "error", text: "Enter your current password." });
    if (newPassword.length < MIN_PASSWORD) {
      return setNotice({ kind: "error", text: `Use at least ${MIN_PASSWORD} characters for the new password.` });
    }
    setBusy(true);
    const { error } = await authClient.changePassword({ currentPassword, newPassword, revokeOtherSessions: true });
    setBusy(false);
    if (error) {
      const wrong = error.code === "INVALID_PASSWORD" || error.status === 400;
      setNotice({
        kind: "error",
        text: wrong ? "The current password is not right." : "Changing the password failed.",
      });
      return;
    }
    form.reset();
    setNotice({ kind: "ok", text: "Password changed. Every other device was signed out." });
    router.refresh();
  };

  return (
    <Section id="password" title="Password" lede="Changing it signs out every other device.">
      <form className="settings-form" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-current`}>Current password</label>
          <input id={`${id}-current`} name="currentPassword" type="password" autoComplete="current-password" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-new`}>New password</label>
          <input
            id={`${id}-new`}
            name="newPassword"
            type="password"
            autoComplete="new-password"
            aria-describedby={`${id}-new-hint`}
          />
          <p id={`${id}-new-hint`} className="field-hint">
            At least {MIN_PASSWORD} characters.
          </p>
        </div>
        <div className="settings-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? "Changing…" : "Change password"}
          </button>
          <NoticeLine notice={notice} />
        </div>
      </form>
    </Section>
  );
}
