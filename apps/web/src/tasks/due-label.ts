/** How a due date reads on a row: words near today, a short date further out. */
export interface DueLabel {
  text: string;
  /** Before today, or today with its time already past. */
  overdue: boolean;
  /** For screen readers and the title tooltip: the full date. */
  long: string;
}

const DAY_MS = 86_400_000;

// English names, as the rest of the interface is in English. Intl would follow the browser's
// locale, but the first DateTimeFormat of a page costs 40-70 ms of ICU loading (ADR 0148), and
// the server (whose locale is its own) renders the same rows: one fixed form reads the same in both.
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

const dayNumber = (iso: string) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));

/** `today` is `YYYY-MM-DD` in the person's zone and `nowTime` `HH:MM` there. */
export function dueLabel(dueDate: string, dueTime: string | null, today: string, nowTime = "00:00"): DueLabel {
  const days = Math.round((dayNumber(dueDate) - dayNumber(today)) / DAY_MS);
  const date = new Date(dayNumber(dueDate));
  const weekday = WEEKDAYS[date.getUTCDay()] as string;
  const month = MONTHS[date.getUTCMonth()] as string;
  const day = date.getUTCDate();
  const year = date.getUTCFullYear();
  let text: string;
  if (days === 0) text = "Today";
  else if (days === 1) text = "Tomorrow";
  else if (days === -1) text = "Yesterday";
  else if (days > 1 && days < 7) text = weekday.slice(0, 3);
  else if (dueDate.slice(0, 4) === today.slice(0, 4)) text = `${day} ${month.slice(0, 3)}`;
  else text = `${day} ${month.slice(0, 3)} ${year}`;
  const overdue = days < 0 || (days === 0 && dueTime !== null && dueTime < nowTime);
  const long = `${weekday}, ${day} ${month} ${year}`;
  return { text: dueTime ? `${text} ${dueTime}` : text, overdue, long: dueTime ? `${long}, ${dueTime}` : long };
}
