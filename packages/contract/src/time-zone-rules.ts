/**
 * IANA time zones, checked by the runtime's own tz database (Intl), so the API,
 * the web and Better Auth's update-user hook agree on what a zone is.
 */
export function isTimeZone(value: string): boolean {
  if (value.length === 0 || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Today's calendar day (`YYYY-MM-DD`) in `timeZone`, as `today`/`overdue`/`upcoming` use it. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}
