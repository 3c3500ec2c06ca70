"use client";
import { type ImportResult, ImportResultSchema, ProblemSchema } from "@todo/contract";
import { useRouter } from "next/navigation";
import { type FormEvent, useId, useMemo, useState } from "react";
import { createTokenStore } from "@/tasks/token-store";
import { describeImport } from "./import-summary";
import { type Notice, NoticeLine, Section } from "./section";

type Format = "json" | "csv" | "todoist";
async function problemText(res: Response): Promise<string> {
  const parsed = ProblemSchema.safeParse(await res.json().catch(() => null));
  if (!parsed.success) return `The task server answered ${res.status}.`;
  const lines = parsed.data.errors?.slice(0, 5).map((e) => `${e.field}: ${e.message}`) ?? [];
  return lines.length ? `${parsed.data.detail.split(":")[0]}: ${lines.join("; ")}.` : parsed.data.detail;
}

export function DataSection({ apiUrl, userId }: { apiUrl: string; userId: string }) {
  const id = useId();
  const router = useRouter();
  const tokens = useMemo(() => createTokenStore(), []);
  const [exportNotice, setExportNotice] = useState<Notice>(null);
  const [importNotice, setImportNotice] = useState<Notice>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);

  const call = async (path: string, init: RequestInit = {}) => {
    const token = await tokens.get();
    return fetch(`${apiUrl}/api/${userId}/${path}`, {
      ...init,
      headers: { ...(init.headers ?? {}), authorization: `Bearer ${token}` },
    });
  };

  const download = async (format: "json" | "csv") => {
    setExportNotice(null);
    try {
      const res = await call(`export?format=${format}`);
      if (!res.ok) return setExportNotice({ kind: "error", text: await problemText(res) });
      const name =
        /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? `todo-export.${format}`;
      const url = URL.createObjectURL(await res.blob());
      const link = Object.assign(document.createElement("a"), { href: url, download: name });
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setExportNotice({ kind: "ok", text: `Downloaded ${name}.` });
    } catch {
      setExportNotice({ kind: "error", text: "We can't reach the task server. Check your connection and try again." });
    }
  };

  const send = async (form: HTMLFormElement, dryRun: boolean) => {
    const data = new FormData(form);
    const file = data.get("file");
    const format = String(data.get("format") ?? "json") as Format;
    if (!(file instanceof File) || file.size === 0) {
      setImportNotice({ kind: "error", text: "Choose a file to import." });
      return;
    }
    setBusy(true);
    setImportNotice(null);
    try {
      const body = new FormData();
      body.set("file", file);
      const res = await call(`import?format=${format}${dryRun ? "&dry_run=true" : ""}`, { method: "POST", body });
      if (!res.ok) {
        setPreview(null);
        setImportNotice({ kind: "error", text: await problemText(res) });
        return;
      }
      const result = ImportResultSchema.parse(await res.json());
      setPreview(dryRun ? result : null);
      setImportNotice({ kind: "ok", text: describeImport(result, dryRun) });
      if (!dryRun) {
        form.reset();
        router.refresh();
      }
    } catch {
      setImportNotice({ kind: "error", text: "We can't reach the task server. Check your connection and try again." });
    } finally {
      setBusy(false);
    }
  };

  const onPreview = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void send(event.currentTarget, true);
  };

  return (
    <Section id="data" title="Your data" lede="Take every list and task with you, or bring them in from a file.">
      <h3 className="settings-subhead">Export</h3>
      <div className="settings-actions">
        <button type="button" className="button button-secondary" onClick={() => download("json")}>
          Download JSON
        </button>
        <button type="button" className="button button-secondary" onClick={() => download("csv")}>
          Download CSV
        </button>
        <NoticeLine notice={exportNotice} />
      </div>
      <h3 className="settings-subhead">Import</h3>
      <form className="settings-form" onSubmit={onPreview} onChange={() => setPreview(null)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-file`}>File (up to 5 MiB)</label>
          <input id={`${id}-file`} name="file" type="file" accept=".json,.csv,application/json,text/csv" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-format`}>Format</label>
          <select id={`${id}-format`} name="format" defaultValue="json">
            <option value="json">Todo export (JSON)</option>
            <option value="csv">Todo export (CSV)</option>
            <option value="todoist">Todoist CSV</option>
          </select>
        </div>
        <div className="settings-actions">
          <button type="submit" className="button button-secondary" disabled={busy}>
            {busy && !preview ? "Checking…" : "Preview import"}
          </button>
          {preview ? (
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={(e) => {
                const form = e.currentTarget.form;
                if (form) void send(form, false);
              }}
            >
              {busy ? "Importing…" : "Import now"}
            </button>
          ) : null}
        </div>
        <NoticeLine notice={importNotice} />
      </form>
    </Section>
  );
}
