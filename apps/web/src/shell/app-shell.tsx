"use client";
import { usePathname } from "next/navigation";
import { type ReactNode, useEffect, useState } from "react";
import { Close, Menu } from "@/components/icons";
import { Sidebar } from "./sidebar";

/**
 * Sidebar beside the view on a wide screen; on a phone it folds into a panel the
 * "Menu" button opens, and choosing a view closes it again.
 */
export function AppShell({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  // biome-ignore lint/correctness/useExhaustiveDependencies: closing on navigation is the point.
  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpen(false);
        document.getElementById("menu-button")?.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <div className={`app-shell${open ? " is-menu-open" : ""}`}>
      <button
        type="button"
        id="menu-button"
        className="button button-secondary menu-button"
        aria-expanded={open}
        aria-controls="sidebar"
        onClick={() => setOpen((o) => !o)}
      >
        {open ? <Close /> : <Menu />}
        {/* Open, it is a close (×) beside the panel: the name stays for screen readers. */}
        <span className={open ? "visually-hidden" : undefined}>Menu</span>
      </button>
      <Sidebar />
      {open ? (
        <button
          type="button"
          className="menu-backdrop"
          tabIndex={-1}
          aria-hidden="true"
          onClick={() => setOpen(false)}
        />
      ) : null}
      <main id="main" className="tasks-page">
        {children}
      </main>
    </div>
  );
}
