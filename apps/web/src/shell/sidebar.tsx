"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { CalendarAhead, CalendarDay, Hash, Inbox, Tag, Trash } from "@/components/icons";
import { keys } from "@/tasks/task-cache";
import { useTaskStore } from "@/tasks/task-provider";
import { isDraftList, useLists } from "@/tasks/use-lists";
import { viewPath } from "@/tasks/view";
import { NewListForm } from "./new-list-form";

function NavLink({
  href,
  icon,
  count,
  children,
}: {
  href: string;
  icon: ReactNode;
  count?: number;
  children: ReactNode;
}) {
  const current = usePathname() === href;
  return (
    <li>
      {/* No prefetch: each one is a server render and an API call for a view the person may never
          open, all made while the page is starting (ADR 0146); a click fetches it then. */}
      <Link href={href} prefetch={false} className="nav-link" aria-current={current ? "page" : undefined}>
        {icon}
        <span className="nav-name" dir="auto">
          {children}
        </span>
        {count ? (
          <span className="nav-count">
            {count}
            <span className="visually-hidden"> open</span>
          </span>
        ) : null}
      </Link>
    </li>
  );
}

/** Inbox, Today, Upcoming, the person's lists and labels with open counts, and the Trash. */
export function Sidebar() {
  const { api } = useTaskStore();
  const lists = useLists();
  const labels = useQuery({ queryKey: keys.labels, queryFn: () => api.labels() });

  return (
    <nav id="sidebar" className="sidebar" aria-label="Views">
      <ul className="nav-group">
        <NavLink href="/tasks" icon={<Inbox />}>
          Inbox
        </NavLink>
        <NavLink href="/tasks/today" icon={<CalendarDay />}>
          Today
        </NavLink>
        <NavLink href="/tasks/upcoming" icon={<CalendarAhead />}>
          Upcoming
        </NavLink>
      </ul>
      <h2 className="nav-heading" id="nav-lists">
        Lists
      </h2>
      <ul className="nav-group" aria-labelledby="nav-lists">
        {(lists.data ?? []).map((list) =>
          isDraftList(list) ? (
            // Made offline: it has no page until the server has it (ADR 0141).
            <li key={list.id}>
              <span className="nav-link nav-waiting" title="Not saved yet">
                <Hash />
                <span className="nav-name" dir="auto">
                  {list.name}
                </span>
                <span className="nav-count">not saved yet</span>
              </span>
            </li>
          ) : (
            <NavLink
              key={list.id}
              href={viewPath({ kind: "list", id: list.id })}
              icon={<Hash />}
              count={list.open_count}
            >
              {list.name}
            </NavLink>
          ),
        )}
      </ul>
      <NewListForm />
      {labels.data && labels.data.length > 0 ? (
        <>
          <h2 className="nav-heading" id="nav-labels">
            Labels
          </h2>
          <ul className="nav-group" aria-labelledby="nav-labels">
            {labels.data.map((label) => (
              <NavLink
                key={label.name}
                href={viewPath({ kind: "label", name: label.name })}
                icon={<Tag />}
                count={label.open_count}
              >
                {label.name}
              </NavLink>
            ))}
          </ul>
        </>
      ) : null}
      <ul className="nav-group nav-group-end">
        <NavLink href="/tasks/trash" icon={<Trash />}>
          Trash
        </NavLink>
      </ul>
    </nav>
  );
}
