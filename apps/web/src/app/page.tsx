import Link from "next/link";
import { redirect } from "next/navigation";
import { CheckMark } from "@/components/icons";
import { SiteHeader } from "@/components/site-header";
import { getSession } from "@/lib/session";

const PREVIEW = [
  { title: "Book the dentist", done: false },
  { title: "Send the slides to Ana", done: false },
  { title: "Buy oat milk", done: true },
];

export default async function LandingPage() {
  if (await getSession()) redirect("/tasks");
  return (
    <>
      <SiteHeader />
      <main id="main" className="landing">
        <section className="hero" aria-labelledby="hero-title">
          <h1 id="hero-title">A calm place for everything you need to do.</h1>
          <p className="lede">
            Write it down in a second, tick it off when it's done. Your list is private to your account and follows you
            to every device.
          </p>
          <div className="hero-actions">
            <Link href="/sign-up" className="button button-primary button-large">
              Create a free account
            </Link>
            <Link href="/sign-in" className="button button-secondary button-large">
              Sign in
            </Link>
          </div>
        </section>
        <div className="preview" aria-hidden="true">
          <div className="preview-input">What needs doing?</div>
          <ul>
            {PREVIEW.map((item) => (
              <li key={item.title} className={item.done ? "done" : undefined}>
                <span className="preview-check">{item.done ? <CheckMark /> : null}</span>
                {item.title}
              </li>
            ))}
          </ul>
        </div>
        <ul className="features">
          <li>
            <h2>Quick capture</h2>
            <p>One field, always focused. Type and press Enter.</p>
          </li>
          <li>
            <h2>Keyboard first</h2>
            <p>Every action works without a mouse: Enter saves, Escape cancels.</p>
          </li>
          <li>
            <h2>Forgiving</h2>
            <p>Deleted something by mistake? Undo brings it back.</p>
          </li>
        </ul>
      </main>
    </>
  );
}
