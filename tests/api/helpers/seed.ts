import type pg from "pg";

/**
 * A valid fractional-indexing key for the i-th task, in order: 'd' and four base-62 digits is
 * an integer key (no fraction, so no trailing-zero rule), room for 14.7 million, the same form
 * migration 0010 gave existing tasks. Keys like 'a0000010' would be refused by the library.
 */
const DIGITS = "'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'";
const POSITION_OF_I = ["238328", "3844", "62", "1"]
  .map((w) => `substr(${DIGITS}, (i / ${w} % 62)::int + 1, 1)`)
  .reduce((acc, digit) => `${acc} || ${digit}`, "'d'");

/**
 * `n` tasks for one user in one statement (generate_series): varied due dates, times,
 * priorities, completion and titles, so every sort and filter has real work to do.
 */
export async function seedTasks(pool: pg.Pool, userId: string, n: number): Promise<void> {
  await pool.query(
    `insert into "task" ("user_id", "title", "completed", "completed_at", "due_date", "due_time", "priority", "position", "created_at", "updated_at")
     select $1, 'Task ' || md5(i::text), i % 3 = 0, case when i % 3 = 0 then now() end,
       case when i % 4 = 0 then null else current_date + (i % 60) - 30 end,
       case when i % 4 = 1 then make_time(i % 24, 0, 0) end,
       (i % 4) + 1, ${POSITION_OF_I},
       now() - make_interval(secs => i), now() - make_interval(secs => i)
     from generate_series(1, $2::int) i`,
    [userId, n],
  );
  await pool.query(`analyze "task"`);
}
