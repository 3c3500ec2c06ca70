import type { Metadata } from "next";
import { AuthPage, type AuthSearchParams } from "@/components/auth-page";

export const metadata: Metadata = { title: "Sign in" };

export default function SignInPage({ searchParams }: { searchParams: AuthSearchParams }) {
  return (
    <AuthPage mode="sign-in" heading="Welcome back" lede="Sign in to see your tasks." searchParams={searchParams} />
  );
}
