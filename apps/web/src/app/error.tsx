"use client";

/** Shown when a page cannot be rendered (for instance the database is unreachable). */
export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="auth-page">
      <div className="auth-card" role="alert">
        <h1>Something went wrong</h1>
        <p className="auth-lede">We couldn't load this page. It's usually brief: try again in a moment.</p>
        <div className="auth-form">
          <button type="button" className="button button-primary button-block" onClick={reset}>
            Try again
          </button>
        </div>
      </div>
    </main>
  );
}
