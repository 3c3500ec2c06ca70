import type { Metadata } from "next";
import { AuthPage, type AuthSearchParams } from "@/components/auth-page";

export const metadata: Metadata = { title: "Create your account" };

export default function SignUpPage({ searchParams }: { searchParams: AuthSearchParams }) {
  return (
    <AuthPage
      mode="sign-up"
      heading="Create your account"
      lede="It takes ten seconds. No email confirmation needed."
      searchParams={searchParams}
    />
  );
}
