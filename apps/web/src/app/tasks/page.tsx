import type { Metadata } from "next";
import { SiteHeader } from "@/components/site-header";
import { getServerEnv } from "@/env";
import { requireSession } from "@/lib/session";
import { TaskApp } from "@/tasks/task-app";

export const metadata: Metadata = { title: "Your tasks" };

export default async function TasksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(await searchParams)) if (typeof v === "string") query.set(k, v);
  const session = await requireSession(`/tasks${query.size ? `?${query}` : ""}`);
  // Read at request time, so one production build serves any API address.
  const { apiUrl } = getServerEnv();
  return (
    <>
      <SiteHeader user={{ name: session.user.name, email: session.user.email }} />
      <main id="main" className="tasks-page">
        <TaskApp apiUrl={apiUrl} userId={session.user.id} />
      </main>
    </>
  );
}
