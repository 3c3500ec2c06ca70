"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, type InputHTMLAttributes, useId, useState } from "react";
import { authClient, authErrorMessage } from "@/lib/auth-client";

type Mode = "sign-in" | "sign-up";
/** The server declares `timeZone` (lib/auth.ts); the plain client does not know the extra field. */
type SignUpInput = Parameters<typeof authClient.signUp.email>[0];
type FieldName = "name" | "email" | "password";
type FieldErrors = Partial<Record<FieldName, string>>;

const MIN_PASSWORD = 8;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function validate(mode: Mode, values: Record<FieldName, string>): FieldErrors {
  const errors: FieldErrors = {};
  if (mode === "sign-up" && values.name.trim() === "") errors.name = "Tell us what to call you.";
  if (!EMAIL.test(values.email.trim())) errors.email = "Enter a valid email address, like name@example.com.";
  if (mode === "sign-up" && values.password.length < MIN_PASSWORD) {
    errors.password = `Use at least ${MIN_PASSWORD} characters.`;
  } else if (values.password === "") {
    errors.password = "Enter your password.";
  }
  return errors;
}

export function AuthForm({ mode, next }: { mode: Mode; next: string }) {
  const router = useRouter();
  const id = useId();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const values = {
      name: String(data.get("name") ?? ""),
      email: String(data.get("email") ?? "").trim(),
      password: String(data.get("password") ?? ""),
    };
    const found = validate(mode, values);
    setErrors(found);
    setFormError(null);
    const first = (Object.keys(found) as FieldName[])[0];
    if (first) {
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const { error } =
        mode === "sign-up"
          ? await authClient.signUp.email({
              name: values.name.trim(),
              email: values.email,
              password: values.password,
              // Contract 10: "today" is the person's day, so the account starts in the browser's zone.
              timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
            } as SignUpInput)
          : await authClient.signIn.email({ email: values.email, password: values.password });
      if (error) {
        setFormError(authErrorMessage(mode, { status: error.status, code: error.code }));
        setBusy(false);
        return;
      }
      router.replace(next);
      router.refresh();
    } catch {
      setFormError(authErrorMessage(mode, { status: 0 }));
      setBusy(false);
    }
  };

  const field = (name: FieldName, label: string, props: InputHTMLAttributes<HTMLInputElement>, hint?: string) => {
    const error = errors[name];
    const describedBy = [hint ? `${id}-${name}-hint` : "", error ? `${id}-${name}-error` : ""]
      .filter(Boolean)
      .join(" ");
    return (
      <div className="field">
        <label htmlFor={`${id}-${name}`}>{label}</label>
        <input
          id={`${id}-${name}`}
          name={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          {...props}
        />
        {hint && !error ? (
          <p id={`${id}-${name}-hint`} className="field-hint">
            {hint}
          </p>
        ) : null}
        {error ? (
          <p id={`${id}-${name}-error`} className="field-error">
            {error}
          </p>
        ) : null}
      </div>
    );
  };

  const signUp = mode === "sign-up";
  const otherHref = `${signUp ? "/sign-in" : "/sign-up"}${next !== "/tasks" ? `?next=${encodeURIComponent(next)}` : ""}`;
  return (
    <form className="auth-form" onSubmit={onSubmit} noValidate>
      {formError ? (
        <div className="form-error" role="alert">
          {formError}
        </div>
      ) : null}
      {signUp ? field("name", "Name", { type: "text", autoComplete: "name", autoFocus: true }) : null}
      {field("email", "Email", {
        type: "email",
        autoComplete: "email",
        inputMode: "email",
        autoFocus: !signUp,
      })}
      {field(
        "password",
        "Password",
        { type: "password", autoComplete: signUp ? "new-password" : "current-password" },
        signUp ? `At least ${MIN_PASSWORD} characters.` : undefined,
      )}
      {signUp ? null : (
        <p className="auth-forgot">
          <Link href="/forgot-password">Forgot password?</Link>
        </p>
      )}
      <button type="submit" className="button button-primary button-block" disabled={busy}>
        {busy ? (signUp ? "Creating account…" : "Signing in…") : signUp ? "Create account" : "Sign in"}
      </button>
      <p className="auth-switch">
        {signUp ? "Already have an account? " : "New here? "}
        <Link href={otherHref}>{signUp ? "Sign in" : "Create an account"}</Link>
      </p>
    </form>
  );
}
