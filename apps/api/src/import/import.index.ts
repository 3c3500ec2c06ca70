import type { OpenAPIHono } from "@hono/zod-openapi";
import { IMPORT_MAX_BYTES, ImportQuerySchema, isTimeZone } from "@todo/contract";
import { validationError } from "../errors/validation.ts";
import type { AppEnv, Deps } from "../lib/context.ts";
import { ownedRoutes } from "../middleware/owned-routes.ts";
import { uploadBody } from "../middleware/upload-body.ts";
import * as routes from "./import.routes.ts";
import type { ImportPlan } from "./parse/draft.ts";
import { parseOurCsv } from "./parse/our-csv.ts";
import { parseOurJson } from "./parse/our-json.ts";
import { parseTodoistCsv } from "./parse/todoist-csv.ts";
import { readUpload } from "./read-upload.ts";
import { applyImport } from "./service/apply-import.ts";
import { checkPlan } from "./service/check-plan.ts";

/** Import (contract section 10): its own 5 MiB body guard; every other route keeps the JSON one. */
export function registerImportRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  ownedRoutes(app, deps, "import", undefined, uploadBody(IMPORT_MAX_BYTES));
  app.openAPIRegistry.registerPath(routes.importRoute);
  app.post("/api/:user_id/import", async (c) => {
    const query = ImportQuerySchema.safeParse(c.req.query());
    if (!query.success) throw validationError(query.error, "query");
    const userId = c.get("userId");
    const upload = await readUpload(c.req.raw);
    let plan: ImportPlan;
    if (query.data.format === "json") plan = parseOurJson(upload.text);
    else if (query.data.format === "csv") plan = parseOurCsv(upload.text);
    else {
      const user = await deps.db.selectFrom("user").select("timeZone").where("id", "=", userId).executeTakeFirst();
      const zone = user?.timeZone && isTimeZone(user.timeZone) ? user.timeZone : "UTC";
      plan = parseTodoistCsv(upload.text, { listName: upload.name, timeZone: zone, now: new Date() });
    }
    const checked = checkPlan(plan);
    const result = await applyImport(deps.db, {
      userId,
      plan: checked,
      skipped: plan.skipped,
      dryRun: query.data.dry_run,
    });
    return c.json(result, 200);
  });
}
