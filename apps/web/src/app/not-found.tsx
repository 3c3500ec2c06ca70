import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <h1>Page not found</h1>
        <p className="auth-lede">There's nothing at this address.</p>
        <p className="auth-form">
          <Link href="/" className="button button-secondary button-block">
            Go to the start page
          </Link>
        </p>
      </div>
    </main>
  );
}
