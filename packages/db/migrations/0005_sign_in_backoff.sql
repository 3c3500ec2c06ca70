-- The per-account sign-in throttle, redesigned (ADR 0009): a hard 15-minute lock per
-- account let anyone who knew an email keep its owner out forever. Failures now count
-- per key ("account" or "account+address", both hashed: no email or address is stored)
-- with exponential backoff, and addresses an account signed in from before are
-- remembered so that an attacker's failures elsewhere never hold the owner back.
drop table if exists "sign_in_throttle";

create table if not exists "sign_in_backoff" (
  "key" text primary key,
  "failures" integer not null,
  "last_failure" timestamptz not null
);

create table if not exists "sign_in_known_address" (
  "key" text primary key,
  "last_success" timestamptz not null
);
