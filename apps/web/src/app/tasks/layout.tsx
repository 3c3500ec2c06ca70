import type { ReactNode } from "react";
import { SiteHeader } from "@/components/site-header";
import { getServerEnv } from "@/env";
import { getSession } from "@/lib/session";
import { AppShell } from "@/shell/app-shell";
import { TaskProvider } from "@/tasks/task-provider";
import { firstLists } from "./server-api";
import { zoneOffset } from "./zone-offset";

/**
 * Shared by every task view, so the sidebar, the query cache and the API token
 * survive moving between views. The page below checks the session (it knows the
 * address to come back to); a layout cannot redirect with it.
 */
export default async function TasksLayout({ children }: { children: ReactNode }) {
  const session = await getSession();
  if (!session) return children;
  // Read at request time, so one production build serves any API address.
  const { apiUrl } = getServerEnv();
  const first = await firstLists(session.user.id);
  return (
    <>
      <SiteHeader user={{ name: session.user.name, email: session.user.email }} />
      <TaskProvider
        apiUrl={apiUrl}
        userId={session.user.id}
        timeZone={session.user.timeZone ?? null}
        zoneOffset={zoneOffset(session.user.timeZone)}
        first={first}
      >
        <AppShell>{children}</AppShell>
      </TaskProvider>
    </>
  );
}
