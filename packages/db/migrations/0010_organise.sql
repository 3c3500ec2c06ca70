-- Organise (issue 9, contract 6.1-6.5 and 10): lists, the new task fields, labels,
-- manual order, the trash and the user's time zone.
--
-- Case-insensitive names (lists, labels) are compared on a `*_key` column the API fills
-- with JavaScript's toLowerCase(): lower() depends on the database's locale (the embedded
-- cluster runs with no locale, where lower('Ä') = 'Ä'), JavaScript's does not.
-- Positions are fractional-indexing keys, compared as byte strings (collate "C") in every
-- locale, exactly as clients compare them.

-- Section 10: Better Auth's additionalFields name `timeZone`; null = not set (UTC).
alter table "user" add column if not exists "timeZone" text;

create table "list" (
  "id" uuid primary key default gen_random_uuid(),
  "user_id" text not null references "user" ("id") on delete cascade,
  "name" text not null check (char_length("name") between 1 and 100),
  "name_key" text not null,
  "color" text check ("color" ~ '^#[0-9a-f]{6}$'),
  "position" text collate "C" not null,
  "version" integer not null default 1,
  "created_at" timestamptz not null default now(),
  "updated_at" timestamptz not null default now(),
  -- Lets a task reference (list, owner) so a task can never sit in someone else's list.
  unique ("id", "user_id")
);
create unique index "list_user_name_key" on "list" ("user_id", "name_key");
create index "list_user_position_idx" on "list" ("user_id", "position", "id");

alter table "task"
  add column "list_id" uuid,
  add column "due_date" date,
  add column "due_time" time(0),
  add column "priority" smallint not null default 4 check ("priority" between 1 and 4),
  add column "recurrence" text check ("recurrence" is null or char_length("recurrence") <= 500),
  add column "recurring_task_id" uuid references "task" ("id") on delete set null,
  add column "position" text collate "C",
  add column "completed_at" timestamptz,
  add column "version" integer not null default 1,
  add column "deleted_at" timestamptz,
  -- Words of title + description, normalised by the API (NFD, marks stripped, lowercased).
  add column "search" tsvector not null default ''::tsvector,
  add constraint "task_list_fk" foreign key ("list_id", "user_id")
    references "list" ("id", "user_id") on delete set null ("list_id"),
  add constraint "task_due_time_needs_date" check ("due_time" is null or "due_date" is not null),
  add constraint "task_recurrence_needs_date" check ("recurrence" is null or "due_date" is not null);

-- Existing tasks: manual order = creation order, as distinct valid fractional-indexing keys
-- ('d' + four base-62 digits: integer keys, room for 14.7 million per user).
with ranked as (
  select "id", (row_number() over (partition by "user_id" order by "created_at", "id") - 1)::bigint as n
  from "task"
), digits as (select '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'::text as d)
update "task" t
set "position" = 'd' || substr(d, (n / 238328 % 62)::int + 1, 1) || substr(d, (n / 3844 % 62)::int + 1, 1)
  || substr(d, (n / 62 % 62)::int + 1, 1) || substr(d, (n % 62)::int + 1, 1),
  "completed_at" = case when t."completed" then t."updated_at" end,
  "search" = to_tsvector('simple', lower(t."title" || ' ' || coalesce(t."description", '')))
from ranked, digits
where t."id" = ranked."id";

alter table "task" alter column "position" set not null,
  add constraint "task_completed_at_matches" check (("completed_at" is not null) = "completed");

-- One index per sort of GET /tasks (contract 6.4), each led by the owner and limited to
-- tasks outside the trash, so the first page is a range scan that stops at the limit.
-- Keyset conditions compare the same expressions as row values.
drop index if exists "task_user_id_created_at_idx";
create index "task_created_idx" on "task" ("user_id", "created_at" desc, "id" desc) where "deleted_at" is null;
create index "task_updated_idx" on "task" ("user_id", "updated_at" desc, "id" desc) where "deleted_at" is null;
create index "task_due_idx" on "task" (
  "user_id", coalesce("due_date", 'infinity'::date), ("due_time" is not null),
  coalesce("due_time", '00:00'::time), "priority", "id"
) where "deleted_at" is null;
create index "task_priority_idx" on "task" (
  "user_id", "priority", coalesce("due_date", 'infinity'::date), ("due_time" is not null),
  coalesce("due_time", '00:00'::time), "id"
) where "deleted_at" is null;
create index "task_title_idx" on "task" ("user_id", lower("title"), "id") where "deleted_at" is null;
create index "task_manual_idx" on "task" ("user_id", "position", "id") where "deleted_at" is null;
-- A list's manual order, its open count, and moving its tasks when it is deleted.
create index "task_list_idx" on "task" ("user_id", "list_id", "position", "id") where "deleted_at" is null;
create index "task_trash_idx" on "task" ("user_id", "deleted_at" desc, "id" desc) where "deleted_at" is not null;
create index "task_purge_idx" on "task" ("deleted_at") where "deleted_at" is not null;
create index "task_search_idx" on "task" using gin ("search");
create index "task_recurring_task_idx" on "task" ("recurring_task_id") where "recurring_task_id" is not null;

-- Labels, normalised: renaming is one UPDATE of "label", counting one GROUP BY.
create table "label" (
  "id" uuid primary key default gen_random_uuid(),
  "user_id" text not null references "user" ("id") on delete cascade,
  "name" text not null check (char_length("name") between 1 and 50),
  "name_key" text not null,
  "created_at" timestamptz not null default now()
);
create unique index "label_user_name_key" on "label" ("user_id", "name_key");

create table "task_label" (
  "task_id" uuid not null references "task" ("id") on delete cascade,
  "label_id" uuid not null references "label" ("id") on delete cascade,
  -- The label's place in the task's own list of labels (order kept, contract 6.1).
  "ord" smallint not null,
  primary key ("task_id", "label_id")
);
create index "task_label_label_idx" on "task_label" ("label_id", "task_id");
