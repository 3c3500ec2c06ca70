"use client";
import Link from "next/link";
import { type FormEvent, useId, useState } from "react";
import { authClient } from "@/lib/auth-client";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Always the same answer once sent, so the page never tells which addresses have an account. */
export function ForgotPasswordForm() {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "").trim();
    if (!EMAIL.test(email)) {
      setError("Enter a valid email address, like name@example.com.");
      document.getElementById(`${id}-email`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { error: failure } = await authClient.requestPasswordReset({ email, redirectTo: "/reset-password" });
      if (failure?.status === 429) setError("Too many requests from this network. Wait a minute, then try again.");
      else if (failure && failure.status >= 500) setError("Something went wrong on our side. Please try again.");
      else setSentTo(email);
    } catch {
      setError("We can't reach the server. Check your connection and try again.");
    }
    setBusy(false);
  };

  if (sentTo) {
    return (
      <div className="auth-form" role="status">
        <p>
          If <strong>{sentTo}</strong> has an account, a link to reset its password is on its way. It works once, for
          one hour.
        </p>
        <p className="auth-switch">
          <Link href="/sign-in">Back to sign in</Link>
        </p>
      </div>
    );
  }
  return (
    <form className="auth-form" onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-email`}>Email</label>
        <input
          id={`${id}-email`}
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          // biome-ignore lint/a11y/noAutofocus: the page exists for this one field.
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-email-error` : undefined}
        />
        {error ? (
          <p id={`${id}-email-error`} className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button button-primary button-block" disabled={busy}>
        {busy ? "Sending…" : "Send reset link"}
      </button>
      <p className="auth-switch">
        Remembered it? <Link href="/sign-in">Sign in</Link>
      </p>
    </form>
  );
}
