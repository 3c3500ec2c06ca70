import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth-form";
import { SiteHeader } from "@/components/site-header";
import { safeNextPath } from "@/lib/safe-next";
import { getSession } from "@/lib/session";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = safeNextPath((await searchParams).next);
  if (await getSession()) redirect(next);
  return (
    <>
      <SiteHeader />
      <main id="main" className="auth-page">
        <div className="auth-card">
          <h1>Create your account</h1>
          <p className="auth-lede">It takes ten seconds. No email confirmation needed.</p>
          <AuthForm mode="sign-up" next={next} />
        </div>
      </main>
    </>
  );
}
