/** Placeholder rows the height of real ones, so nothing jumps when the list arrives. */
export function TaskSkeleton({ rows = 3 }: { rows?: number }) {
  return (
    <div className="task-skeleton">
      <p className="visually-hidden" role="status">
        Loading your tasks…
      </p>
      <ul className="task-list" aria-hidden="true">
        {Array.from({ length: rows }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders with no identity.
          <li key={i} className="task-row skeleton-row">
            <span className="skeleton-circle" />
            <span className={`skeleton-line skeleton-line-${i % 3}`} />
          </li>
        ))}
      </ul>
    </div>
  );
}
