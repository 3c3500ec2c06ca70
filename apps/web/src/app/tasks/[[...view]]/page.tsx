import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireSession } from "@/lib/session";
import { TaskView } from "@/tasks/task-view";
import { TrashView } from "@/tasks/trash-view";
import { parseView, viewPath } from "@/tasks/view";
import { firstPage } from "../server-api";

type Props = {
  params: Promise<{ view?: string[] }>;
  searchParams: Promise<Record<string, string | string[]>>;
};

/** Segments arrive percent-encoded or not depending on the path; a stray `%` must not be a 500. */
const decode = (segments: string[] | undefined) =>
  segments?.map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  });

const TITLES = { inbox: "Inbox", today: "Today", upcoming: "Upcoming", list: "List", label: "Label", trash: "Trash" };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = parseView(decode((await params).view));
  if (view?.kind === "label") return { title: `@${view.name}` };
  return { title: view ? TITLES[view.kind] : "Not found" };
}

export default async function TasksPage({ params, searchParams }: Props) {
  const view = parseView(decode((await params).view));
  if (!view) notFound();
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(await searchParams)) if (typeof v === "string") query.set(k, v);
  const session = await requireSession(`${viewPath(view)}${query.size ? `?${query}` : ""}`);
  if (view.kind === "trash") return <TrashView />;
  // The rows come in the HTML (ADR 0137); the browser's query starts from this page.
  const first = await firstPage(session.user.id, session.user.timeZone, view, query);
  return <TaskView view={view} first={first} />;
}
