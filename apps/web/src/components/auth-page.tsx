import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth-form";
import { SiteHeader } from "@/components/site-header";
import { safeNextPath } from "@/lib/safe-next";
import { getSession } from "@/lib/session";

export type AuthSearchParams = Promise<{ next?: string | string[] }>;

/** Sign-in and sign-up: a signed-in visitor goes straight on to where they were headed. */
export async function AuthPage({
  mode,
  heading,
  lede,
  searchParams,
}: {
  mode: "sign-in" | "sign-up";
  heading: string;
  lede: string;
  searchParams: AuthSearchParams;
}) {
  const next = safeNextPath((await searchParams).next);
  if (await getSession()) redirect(next);
  return (
    <>
      <SiteHeader />
      <main id="main" className="auth-page">
        <div className="auth-card">
          <h1>{heading}</h1>
          <p className="auth-lede">{lede}</p>
          <AuthForm mode={mode} next={next} />
        </div>
      </main>
    </>
  );
}
