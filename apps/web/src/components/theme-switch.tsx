"use client";
import { type ChangeEvent, useState } from "react";
import { HalfCircle } from "@/components/icons";
import { parseTheme, THEME_COOKIE, type Theme } from "@/lib/theme";

const YEAR = 60 * 60 * 24 * 365;

export function ThemeSwitch({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState<Theme>(initial);
  const onChange = (event: ChangeEvent<HTMLSelectElement>) => {
    const next = parseTheme(event.target.value);
    setTheme(next);
    document.documentElement.dataset.theme = next;
    // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie read by the server on the next render.
    document.cookie =
      next === "system"
        ? `${THEME_COOKIE}=; path=/; max-age=0; samesite=lax`
        : `${THEME_COOKIE}=${next}; path=/; max-age=${YEAR}; samesite=lax`;
  };
  return (
    <label className="theme-switch" title="Colour theme">
      <HalfCircle className="theme-switch-icon" />
      <span className="visually-hidden">Theme</span>
      <select value={theme} onChange={onChange}>
        <option value="system">Auto</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}
