import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireSession } from "@/lib/session";
import { TaskView } from "@/tasks/task-view";
import { TrashView } from "@/tasks/trash-view";
import { parseView, viewPath } from "@/tasks/view";

type Props = {
  params: Promise<{ view?: string[] }>;
  searchParams: Promise<Record<string, string | string[]>>;
};

const TITLES = { inbox: "Inbox", today: "Today", upcoming: "Upcoming", list: "List", label: "Label", trash: "Trash" };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = parseView((await params).view?.map(decodeURIComponent));
  if (view?.kind === "label") return { title: `@${view.name}` };
  return { title: view ? TITLES[view.kind] : "Not found" };
}

export default async function TasksPage({ params, searchParams }: Props) {
  const view = parseView((await params).view?.map(decodeURIComponent));
  if (!view) notFound();
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(await searchParams)) if (typeof v === "string") query.set(k, v);
  await requireSession(`${viewPath(view)}${query.size ? `?${query}` : ""}`);
  return view.kind === "trash" ? <TrashView /> : <TaskView view={view} />;
}
