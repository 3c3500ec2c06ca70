import { databaseSourceCheck } from "./checks-database-source.ts";
import { readJson, request } from "./http.ts";
import type { Runner } from "./runner.ts";
import { CheckFailure, type Target } from "./types.ts";

interface ReadyBody {
  status?: string;
  database_id?: string;
}

/** Each service is up and reaches the database, and it is the same database. */
export async function serviceChecks(run: Runner, target: Target): Promise<void> {
  let webDb: string | undefined;
  let apiDb: string | undefined;

  await run.check("web.database", "the web answers and reaches the database", async () => {
    const res = await request(`${target.webUrl}/api/health`);
    const body = await readJson<ReadyBody>(res);
    if (res.status !== 200)
      throw new CheckFailure(
        `GET /api/health answered ${res.status}: the web cannot reach its database`,
        "check the web's DATABASE_URL and that PostgreSQL runs",
      );
    webDb = body.database_id;
    return `GET ${target.webUrl}/api/health 200`;
  });

  await run.check("api.database", "the API answers and reaches the database", async () => {
    const res = await request(`${target.apiUrl}/ready`).catch((e: CheckFailure) => {
      throw new CheckFailure(
        `${e.message}: the API is down or the API URL is wrong`,
        "start the API, or pass --api with its URL",
      );
    });
    const body = await readJson<ReadyBody>(res);
    if (res.status !== 200)
      throw new CheckFailure(
        `GET /ready answered ${res.status}: the API cannot reach its database`,
        "check the API's DATABASE_URL",
      );
    apiDb = body.database_id;
    return `GET ${target.apiUrl}/ready 200`;
  });

  await run.check(
    "db.same-database",
    "both services use the same database",
    () => {
      if (!webDb || !apiDb) throw new CheckFailure("a service did not report its database id");
      if (webDb !== apiDb) {
        throw new CheckFailure(
          `the web's database (${webDb.slice(0, 8)}…) is not the API's (${apiDb.slice(0, 8)}…): users and tasks live apart`,
          "point both services at one DATABASE_URL",
        );
      }
      return `database id ${webDb.slice(0, 8)}… on both`;
    },
    { needs: ["web.database", "api.database"] },
  );

  await databaseSourceCheck(run, target, () => ({ web: webDb, api: apiDb }));

  await run.check(
    "api.cors",
    "the API answers CORS for the web's origin, and only for it",
    async () => {
      const origin = new URL(target.webUrl).origin;
      const preflight = (from: string) =>
        request(`${target.apiUrl}/api/cors-probe/tasks`, {
          method: "OPTIONS",
          headers: {
            Origin: from,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization,content-type",
          },
        });
      const allowed = (await preflight(origin)).headers.get("access-control-allow-origin");
      if (allowed !== origin) {
        throw new CheckFailure(
          `a browser on ${origin} is refused by the API (allow-origin: ${allowed ?? "none"})`,
          "set WEB_ORIGIN in apps/api/.env to the web's origin",
        );
      }
      const foreign = (await preflight("https://evil.example")).headers.get("access-control-allow-origin");
      if (foreign)
        throw new CheckFailure(
          `the API allows a foreign origin (allow-origin: ${foreign})`,
          "never use * in WEB_ORIGIN",
        );
      return `allows ${origin}, refuses others`;
    },
    { needs: ["api.database"] },
  );
}
