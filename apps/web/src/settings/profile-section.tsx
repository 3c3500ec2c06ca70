"use client";
import { useRouter } from "next/navigation";
import { type FormEvent, useId, useMemo, useState } from "react";
import { authClient } from "@/lib/auth-client";
import { type Notice, NoticeLine, Section } from "./section";

/** The server declares `timeZone` (lib/auth.ts); the plain client does not know the extra field. */
type UpdateInput = Parameters<typeof authClient.updateUser>[0];

const zones = () => (typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : []);

export function ProfileSection({ name, timeZone }: { name: string; timeZone: string | null }) {
  const id = useId();
  const router = useRouter();
  const detected = useMemo(() => Intl.DateTimeFormat().resolvedOptions().timeZone, []);
  const all = useMemo(zones, []);
  const [zone, setZone] = useState(timeZone ?? detected);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const newName = String(new FormData(event.currentTarget).get("name") ?? "").trim();
    if (newName === "" || newName.length > 100) {
      setNotice({ kind: "error", text: "Your name must be 1 to 100 characters." });
      return;
    }
    if (!all.includes(zone) && zone !== "UTC") {
      setNotice({ kind: "error", text: `"${zone}" is not a time zone we know. Pick one from the list.` });
      return;
    }
    setBusy(true);
    const { error } = await authClient.updateUser({ name: newName, timeZone: zone } as UpdateInput);
    setBusy(false);
    setNotice(
      error
        ? { kind: "error", text: error.message ?? "Saving failed. Please try again." }
        : { kind: "ok", text: "Saved." },
    );
    if (!error) router.refresh();
  };

  return (
    <Section id="profile" title="Profile" lede="Your name, and the time zone that decides when “today” starts.">
      <form className="settings-form" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input id={`${id}-name`} name="name" type="text" autoComplete="name" defaultValue={name} maxLength={100} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-zone`}>Time zone</label>
          <input
            id={`${id}-zone`}
            name="timeZone"
            type="text"
            list={`${id}-zones`}
            value={zone}
            onChange={(e) => setZone(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${id}-zone-hint`}
          />
          <datalist id={`${id}-zones`}>
            {all.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          <p id={`${id}-zone-hint`} className="field-hint">
            Type to search, like “Paris” or “New_York”.{" "}
            {zone !== detected ? (
              <button type="button" className="link-button" onClick={() => setZone(detected)}>
                Use this device’s zone: {detected}
              </button>
            ) : (
              "This is this device’s zone."
            )}
          </p>
        </div>
        <div className="settings-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? "Saving…" : "Save profile"}
          </button>
          <NoticeLine notice={notice} />
        </div>
      </form>
    </Section>
  );
}
