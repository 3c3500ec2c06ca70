import type { Metadata } from "next";
import { SiteHeader } from "@/components/site-header";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <>
      <SiteHeader />
      <main id="main" className="auth-page">
        <div className="auth-card">
          <h1>Forgot your password?</h1>
          <p className="auth-lede">Enter your email and we'll send you a link to choose a new one.</p>
          <ForgotPasswordForm />
        </div>
      </main>
    </>
  );
}
