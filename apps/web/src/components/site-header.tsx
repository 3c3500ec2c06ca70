import { cookies } from "next/headers";
import Link from "next/link";
import { parseTheme, THEME_COOKIE } from "@/lib/theme";
import { CheckMark, Gear } from "./icons";
import { SignOutButton } from "./sign-out-button";
import { ThemeSwitch } from "./theme-switch";

interface Props {
  user?: { name: string; email: string } | undefined;
}

export async function SiteHeader({ user }: Props) {
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link href={user ? "/tasks" : "/"} prefetch={false} className="brand">
          <CheckMark className="brand-mark" />
          <span className="brand-name">Todo</span>
        </Link>
        <nav className="header-actions" aria-label="Account">
          <ThemeSwitch initial={theme} />
          {user ? (
            <>
              <span className="header-user" title={user.email}>
                {user.name || user.email}
              </span>
              <Link href="/settings" prefetch={false} className="icon-button" title="Settings">
                <Gear />
                <span className="visually-hidden">Settings</span>
              </Link>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/sign-in" className="button button-quiet">
                Sign in
              </Link>
              <Link href="/sign-up" className="button button-primary">
                Sign up
              </Link>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}
