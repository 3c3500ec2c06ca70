import { getPool } from "@/lib/db";

const TIMEOUT_MS = 2_000;

/**
 * 200 when the web reaches its database, 503 otherwise; never cached. It also
 * reports the database's identity (a random id the migrations create once), which
 * the API's /ready reports too: `npm run verify` compares them to prove that both
 * services use one database.
 */
export async function GET(): Promise<Response> {
  const headers = { "cache-control": "no-store" };
  // `npm start` gives each run a random id, so its readiness wait knows it reached its own web.
  const run = process.env.START_RUN_ID ? { run_id: process.env.START_RUN_ID } : {};
  try {
    const result = await Promise.race([
      getPool().query<{ id: string }>(`select "id" from "database_identity"`),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("database timeout")), TIMEOUT_MS)),
    ]);
    return Response.json(
      { status: "ok", database: "up", database_id: result.rows[0]?.id ?? "unknown", ...run },
      { headers },
    );
  } catch {
    return Response.json({ status: "unavailable", database: "down", ...run }, { status: 503, headers });
  }
}
