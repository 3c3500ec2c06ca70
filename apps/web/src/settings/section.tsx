import type { ReactNode } from "react";

/** One settings section: a heading the section is named by, a line saying what it does. */
export function Section({
  id,
  title,
  lede,
  children,
}: {
  id: string;
  title: string;
  lede?: string;
  children: ReactNode;
}) {
  return (
    <section className="settings-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {lede ? <p className="settings-section-lede">{lede}</p> : null}
      {children}
    </section>
  );
}

/** What happened after a save: a calm status, or an alert next to the form. */
export type Notice = { kind: "ok" | "error"; text: string } | null;

export function NoticeLine({ notice }: { notice: Notice }) {
  if (!notice) return <p className="settings-notice" aria-live="polite" />;
  return notice.kind === "ok" ? (
    <p className="settings-notice" role="status">
      {notice.text}
    </p>
  ) : (
    <p className="settings-notice form-error" role="alert">
      {notice.text}
    </p>
  );
}
