-- Contract 3b's quota (100,000 stored tasks outside the trash), checked on every create: a
-- count(*) over the user's tasks read up to 100,000 rows per create. The count is now KEPT on
-- the user's change-counter row (ADR 0078), which every writer locks first (ADR 0052), so
-- reading it under that lock is exact and costs one row.
alter table "user_change_seq" add column "live_tasks" integer not null default 0;

-- Kept by triggers on "task", so no code path (create, import, restore, trash, purge, recurring
-- history copies, account deletion, a seed straight into the table) can forget it.
-- Insert and delete: once per statement, over the transition table (an import of 10,000 tasks
-- or a purge of the trash updates the counter once, not 10,000 times). An insert upserts: a user
-- may get tasks before any writer created the counter row.
create function "task_live_count_insert"() returns trigger language plpgsql as $$
begin
  insert into "user_change_seq" as s ("user_id", "live_tasks")
    select "user_id", count(*) from "added" where "deleted_at" is null group by "user_id"
    on conflict ("user_id") do update set "live_tasks" = s."live_tasks" + excluded."live_tasks";
  return null;
end $$;

-- A delete only updates: on account deletion the counter row may already be gone with the user.
create function "task_live_count_delete"() returns trigger language plpgsql as $$
begin
  update "user_change_seq" as s set "live_tasks" = s."live_tasks" - d."n"
    from (select "user_id", count(*) as "n" from "removed" where "deleted_at" is null group by "user_id") as d
    where s."user_id" = d."user_id";
  return null;
end $$;

-- Into or out of the trash: per row, and only for rows whose deleted_at crossed null (the WHEN
-- is checked without calling the function, so edits and completions pay nothing).
create function "task_live_count_trash"() returns trigger language plpgsql as $$
begin
  update "user_change_seq" set "live_tasks" = "live_tasks" + case when new."deleted_at" is null then 1 else -1 end
    where "user_id" = new."user_id";
  return null;
end $$;

create trigger "task_live_count_insert" after insert on "task"
  referencing new table as "added" for each statement execute function "task_live_count_insert"();
create trigger "task_live_count_delete" after delete on "task"
  referencing old table as "removed" for each statement execute function "task_live_count_delete"();
create trigger "task_live_count_trash" after update of "deleted_at" on "task"
  for each row when ((old."deleted_at" is null) <> (new."deleted_at" is null))
  execute function "task_live_count_trash"();

-- The count as it stands when this migration runs (users without a counter row get one).
insert into "user_change_seq" as s ("user_id", "live_tasks")
  select "user_id", count(*) from "task" where "deleted_at" is null group by "user_id"
  on conflict ("user_id") do update set "live_tasks" = excluded."live_tasks";
