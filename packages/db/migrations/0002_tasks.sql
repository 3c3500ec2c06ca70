-- Tasks belong to a Better Auth user; deleting the user deletes their tasks.
-- The checks repeat the contract's limits (counted in code points, as the API
-- counts them) so a bug in the service can never store an invalid row.
create table if not exists "task" (
  "id" uuid primary key default gen_random_uuid(),
  "user_id" text not null references "user" ("id") on delete cascade,
  "title" text not null check (char_length("title") between 1 and 200),
  "description" text check ("description" is null or char_length("description") <= 1000),
  "completed" boolean not null default false,
  "created_at" timestamptz not null default now(),
  "updated_at" timestamptz not null default now()
);

-- Serves "this user's tasks, newest first" (and its status filters) as one index range scan.
create index if not exists "task_user_id_created_at_idx"
  on "task" ("user_id", "created_at" desc, "id" desc);
