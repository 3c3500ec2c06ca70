import type { Metadata } from "next";
import Link from "next/link";
import { SiteHeader } from "@/components/site-header";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

type Props = { searchParams: Promise<{ token?: string | string[]; error?: string | string[] }> };

/** Better Auth's link lands here with `?token=` (valid) or `?error=INVALID_TOKEN` (used or expired). */
export default async function ResetPasswordPage({ searchParams }: Props) {
  const { token, error } = await searchParams;
  const valid = typeof token === "string" && token !== "" && !error;
  return (
    <>
      <SiteHeader />
      <main id="main" className="auth-page">
        <div className="auth-card">
          <h1>Choose a new password</h1>
          {valid ? (
            <>
              <p className="auth-lede">Every device signed in to your account will be signed out.</p>
              <ResetPasswordForm token={token} />
            </>
          ) : (
            <div className="auth-form">
              <p className="form-error" role="alert">
                This reset link has expired or was already used.
              </p>
              <p className="auth-switch">
                <Link href="/forgot-password">Ask for a new link</Link>
              </p>
            </div>
          )}
        </div>
      </main>
    </>
  );
}
