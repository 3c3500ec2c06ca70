import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { parseTheme, THEME_COOKIE } from "@/lib/theme";
import "./globals.css";
import "./controls.css";
import "./header.css";
import "./pages.css";
import "./tasks.css";
import "./task-list.css";
import "./task-states.css";
import "./shell.css";
import "./organise.css";
import "./settings.css";
import "./quick-add.css";

export const metadata: Metadata = {
  title: { default: "Todo", template: "%s · Todo" },
  description: "A calm, fast list of things to do.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fbfbfa" },
    { media: "(prefers-color-scheme: dark)", color: "#17181a" },
  ],
};

// The theme override lives in a cookie, so the server renders the right colours
// on the first paint without an inline script (which the CSP would refuse anyway).
export default async function RootLayout({ children }: { children: ReactNode }) {
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" data-theme={theme}>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
