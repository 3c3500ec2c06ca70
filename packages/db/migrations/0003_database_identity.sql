-- A random id for this database, created once. Both services report it from their
-- readiness endpoints so `npm run verify` can prove they use the same database
-- (even behind different connection strings, poolers or a deployed system).
create table if not exists "database_identity" (
  "id" uuid primary key default gen_random_uuid(),
  "created_at" timestamptz not null default now(),
  "singleton" boolean not null default true unique check ("singleton")
);
insert into "database_identity" default values on conflict ("singleton") do nothing;
