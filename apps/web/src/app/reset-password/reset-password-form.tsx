"use client";
import Link from "next/link";
import { type FormEvent, useId, useState } from "react";
import { authClient } from "@/lib/auth-client";

const MIN_PASSWORD = 8;

export function ResetPasswordForm({ token }: { token: string }) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const newPassword = String(new FormData(event.currentTarget).get("password") ?? "");
    if (newPassword.length < MIN_PASSWORD) {
      setError(`Use at least ${MIN_PASSWORD} characters.`);
      document.getElementById(`${id}-password`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { error: failure } = await authClient.resetPassword({ newPassword, token });
      if (!failure) setDone(true);
      else if (failure.code === "INVALID_TOKEN") setError("This reset link has expired or was already used.");
      else if (failure.code === "PASSWORD_TOO_LONG") setError("That password is too long: use at most 128 characters.");
      else setError("Something went wrong on our side. Please try again.");
    } catch {
      setError("We can't reach the server. Check your connection and try again.");
    }
    setBusy(false);
  };

  if (done) {
    return (
      <div className="auth-form" role="status">
        <p>Your password is changed and every device was signed out.</p>
        <p className="auth-switch">
          <Link href="/sign-in">Sign in with the new password</Link>
        </p>
      </div>
    );
  }
  return (
    <form className="auth-form" onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-password`}>New password</label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="new-password"
          // biome-ignore lint/a11y/noAutofocus: the page exists for this one field.
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-password-error` : `${id}-password-hint`}
        />
        {error ? (
          <p id={`${id}-password-error`} className="field-error" role="alert">
            {error}
          </p>
        ) : (
          <p id={`${id}-password-hint`} className="field-hint">
            At least {MIN_PASSWORD} characters.
          </p>
        )}
      </div>
      <button type="submit" className="button button-primary button-block" disabled={busy}>
        {busy ? "Saving…" : "Save new password"}
      </button>
    </form>
  );
}
