-- Contract 7.2: COUNT ends a series after that many occurrences, so a series must remember how
-- many it has used up (completed or skipped while overdue). 0 for every existing and new task;
-- reset by the API when the rule itself changes.
alter table "task"
  add column "recurrence_done" integer not null default 0 check ("recurrence_done" >= 0);
