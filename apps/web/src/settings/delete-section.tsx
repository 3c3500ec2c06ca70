"use client";
import { useRouter } from "next/navigation";
import { type FormEvent, useId, useState } from "react";
import { authClient } from "@/lib/auth-client";
import { type Notice, NoticeLine, Section } from "./section";

export function DeleteSection() {
  const id = useId();
  const router = useRouter();
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    if (password === "") return setNotice({ kind: "error", text: "Enter your password to delete the account." });
    setBusy(true);
    const { error } = await authClient.deleteUser({ password });
    if (error) {
      setBusy(false);
      const wrong = error.code === "INVALID_PASSWORD" || error.status === 400;
      return setNotice({
        kind: "error",
        text: wrong ? "That password is not right." : "Deleting failed. Please try again.",
      });
    }
    router.replace("/");
    router.refresh();
  };

  return (
    <Section id="delete" title="Delete account">
      <div className="settings-danger">
        <p>
          This deletes your account, every list, task and label, and signs out every device. It cannot be undone. Export
          your data first if you want to keep it.
        </p>
        <form className="settings-form" onSubmit={onSubmit} noValidate>
          <div className="field">
            <label htmlFor={`${id}-password`}>Your password</label>
            <input id={`${id}-password`} name="password" type="password" autoComplete="current-password" />
          </div>
          <div className="settings-actions">
            <button type="submit" className="button button-danger" disabled={busy}>
              {busy ? "Deleting…" : "Delete my account and data"}
            </button>
            <NoticeLine notice={notice} />
          </div>
        </form>
      </div>
    </Section>
  );
}
