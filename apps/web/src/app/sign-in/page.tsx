import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth-form";
import { SiteHeader } from "@/components/site-header";
import { safeNextPath } from "@/lib/safe-next";
import { getSession } from "@/lib/session";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = safeNextPath((await searchParams).next);
  if (await getSession()) redirect(next);
  return (
    <>
      <SiteHeader />
      <main id="main" className="auth-page">
        <div className="auth-card">
          <h1>Welcome back</h1>
          <p className="auth-lede">Sign in to see your tasks.</p>
          <AuthForm mode="sign-in" next={next} />
        </div>
      </main>
    </>
  );
}
