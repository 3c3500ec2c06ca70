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

// Building a DateTimeFormat costs far more than using one (it resolves the locale and loads the
// zone's rules): one per zone, kept. A profile of the task page had them at a tenth of its script time.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's calendar day (`YYYY-MM-DD`) in `timeZone`, as `today`/`overdue`/`upcoming` use it. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormats.set(timeZone, format);
  }
  return format.format(now);
}
