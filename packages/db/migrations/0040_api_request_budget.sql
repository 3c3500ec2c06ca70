-- The per-user API request budget (contract 3b, ADR 0076): both windows of a user in ONE row, so
-- a request costs one upsert of one row (one index probe, one row lock, a HOT update) instead of
-- two rate-limiter-flexible upserts. Expiry in epoch ms, as the API computes it.
-- Unlogged, like api_rate_limit before it: counters are worth no WAL flush, and after a database
-- crash they start from zero, which only forgives. Room left on each page for HOT updates.
-- The row goes with its user (no purge needed); api_rate_limit stays only for instances of the
-- previous version during a rolling deploy, and for the web's purge, which still names it.
create unlogged table "api_request_budget" (
  "user_id" text primary key references "user" ("id") on delete cascade,
  "burst_points" integer not null,
  "burst_expire" bigint not null,
  "minute_points" integer not null,
  "minute_expire" bigint not null
) with (fillfactor = 50);
