import { todayIn } from "@todo/contract/rules";

/**
 * Today and the wall-clock time in the person's zone, for the browser (ADR 0148).
 *
 * The first `Intl.DateTimeFormat` a page builds loads the browser's ICU data: 40-70 ms of one
 * unbreakable task on this machine, four times that on Lighthouse's phone, and the task page
 * needed one for its very first render. The server knows the zone's UTC offset and how long it
 * holds, so while it holds the day and the time are plain arithmetic; outside that window (a
 * page left open across a daylight-saving change, a clock far from the server's) Intl answers.
 */
export interface ZoneOffset {
  zone: string;
  /** Minutes to add to UTC to get the zone's wall clock. */
  minutes: number;
  /** The window (epoch ms) in which `minutes` is the zone's offset. */
  from: number;
  until: number;
}

// One person per browser tab; the server never stores one (its renders use Intl), so requests of
// different people cannot meet here.
let known: ZoneOffset | null = null;

/** Keeps the server's offset for the page's zone (browser only). */
export function rememberZoneOffset(offset: ZoneOffset | null | undefined): void {
  if (typeof window !== "undefined" && offset) known = offset;
}

/** The wall clock at `now` as `YYYY-MM-DDTHH:MM…` from `offset`, or null outside its zone or window. */
export function shiftedBy(offset: ZoneOffset | null, zone: string, now: Date): string | null {
  const t = now.getTime();
  if (!offset || offset.zone !== zone || t < offset.from || t >= offset.until) return null;
  return new Date(t + offset.minutes * 60_000).toISOString();
}
const shifted = (zone: string, now: Date) => shiftedBy(known, zone, now);

/** `YYYY-MM-DD` in `zone`. */
export function todayInZone(zone: string, now: Date = new Date()): string {
  return shifted(zone, now)?.slice(0, 10) ?? todayIn(zone, now);
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();
/** `HH:MM` (24-hour) in `zone`. */
export function timeInZone(zone: string, now: Date = new Date()): string {
  const fast = shifted(zone, now);
  if (fast) return fast.slice(11, 16);
  let format = timeFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    timeFormats.set(zone, format);
  }
  return format.format(now);
}
