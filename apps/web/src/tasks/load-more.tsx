"use client";
import { useEffect, useRef } from "react";

/**
 * The next page arrives as the end of the list scrolls into view (an
 * IntersectionObserver a screen ahead); the button is there for keyboards and
 * for anyone who prefers to ask.
 */
export function LoadMore({ hasMore, loading, onMore }: { hasMore: boolean; loading: boolean; onMore: () => void }) {
  const sentinel = useRef<HTMLDivElement>(null);
  const latest = useRef(onMore);
  latest.current = onMore;

  useEffect(() => {
    const element = sentinel.current;
    if (!element || !hasMore) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && latest.current(), {
      rootMargin: "0px 0px 100% 0px",
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasMore]);

  if (!hasMore) return null;
  return (
    <div ref={sentinel} className="load-more">
      <button type="button" className="button button-quiet" onClick={onMore} disabled={loading}>
        {loading ? "Loading…" : "Show more"}
      </button>
    </div>
  );
}
