-- Failed sign-in attempts per account (keyed by a hash of the normalised email,
-- so the table holds no address). Better Auth's own limiter counts per client
-- address, which a client can vary through X-Forwarded-For when no trusted proxy
-- overwrites it; this one cannot be sidestepped that way.
create table if not exists "sign_in_throttle" (
  "key" text primary key,
  "failures" integer not null,
  "window_start" timestamptz not null
);
