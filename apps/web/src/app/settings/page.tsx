import type { Metadata } from "next";
import { headers } from "next/headers";
import { SiteHeader } from "@/components/site-header";
import { getServerEnv } from "@/env";
import { getAuth } from "@/lib/auth";
import { requireSession } from "@/lib/session";
import { DataSection } from "@/settings/data-section";
import { DeleteSection } from "@/settings/delete-section";
import { PasswordSection } from "@/settings/password-section";
import { ProfileSection } from "@/settings/profile-section";
import { type SessionInfo, SessionsSection } from "@/settings/sessions-section";

export const metadata: Metadata = { title: "Settings" };

/** The account page (contract section 10): one column of calm sections, each saving on its own. */
export default async function SettingsPage() {
  const session = await requireSession("/settings");
  const sessions = await getAuth().api.listSessions({ headers: await headers() });
  const { apiUrl } = getServerEnv();
  const user = session.user as typeof session.user & { timeZone?: string | null };
  const list: SessionInfo[] = sessions
    .map((s) => ({
      token: s.token,
      userAgent: s.userAgent ?? null,
      createdAt: new Date(s.createdAt).toISOString(),
      lastSeen: new Date(s.updatedAt).toISOString(),
      current: s.id === session.session.id,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeen.localeCompare(a.lastSeen));
  return (
    <>
      <SiteHeader user={{ name: user.name, email: user.email }} />
      <main id="main" className="settings-page">
        <h1>Settings</h1>
        <p className="settings-lede">
          Signed in as <strong>{user.email}</strong>
        </p>
        <ProfileSection name={user.name} timeZone={user.timeZone ?? null} />
        <PasswordSection />
        <SessionsSection sessions={list} />
        <DataSection apiUrl={apiUrl} userId={user.id} />
        <DeleteSection />
      </main>
    </>
  );
}
