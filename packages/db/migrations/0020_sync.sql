-- Contract sections 8 and 9: idempotency records and the per-user change feed (ADRs 0050-0053).

-- One row per user: the last change sequence number handed out. Bumping it with
-- UPDATE ... RETURNING inside the writing transaction holds the row lock until commit, so a
-- user's writers take numbers in commit order and a reader never sees seq n+1 before seq n.
-- pruned_through: the highest seq the retention job has deleted (a cursor below it is 410).
create table "user_change_seq" (
  "user_id" text primary key references "user" ("id") on delete cascade,
  "seq" bigint not null default 0,
  "pruned_through" bigint not null default 0
);

-- The change log: which resource changed, in commit order per user. It holds no content:
-- /changes reads each resource as it is now, so a later change supersedes an earlier one.
create table "change_log" (
  "user_id" text not null references "user" ("id") on delete cascade,
  "seq" bigint not null,
  "kind" text not null check ("kind" in ('task', 'list')),
  "entity_id" uuid not null,
  "created_at" timestamptz not null default now(),
  primary key ("user_id", "seq")
);
create index "change_log_created_idx" on "change_log" ("created_at");

-- Idempotency-Key records (contract 8): the first request's fingerprint and, once it has
-- finished, its answer. status null = still running (a repeat meanwhile is 409).
create table "idempotency_key" (
  "user_id" text not null references "user" ("id") on delete cascade,
  "key" text not null check (char_length("key") between 1 and 255),
  "method" text not null,
  "path" text not null,
  "body_hash" text not null,
  "status" smallint,
  "headers" jsonb,
  "body" text,
  "created_at" timestamptz not null default now(),
  primary key ("user_id", "key")
);
create index "idempotency_key_created_idx" on "idempotency_key" ("created_at");
