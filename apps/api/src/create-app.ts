import { OpenAPIHono } from "@hono/zod-openapi";
import { registerDocs } from "./docs/docs.index.ts";
import { AppError } from "./errors/app-error.ts";
import { problemResponse, toAppError } from "./errors/problem.ts";
import { validationError } from "./errors/validation.ts";
import { registerExportRoutes } from "./export/export.index.ts";
import { registerHealthRoutes } from "./health/health.index.ts";
import { registerImportRoutes } from "./import/import.index.ts";
import { registerLabelRoutes } from "./labels/labels.index.ts";
import type { AppEnv, Deps } from "./lib/context.ts";
import { describeError } from "./lib/logger.ts";
import { registerListRoutes } from "./lists/lists.index.ts";
import { compression } from "./middleware/compression.ts";
import { requestContext } from "./middleware/request-context.ts";
import { responseHeaders } from "./middleware/response-headers.ts";
import { registerSyncRoutes } from "./sync/sync.index.ts";
import { registerTaskRoutes } from "./tasks/tasks.index.ts";
import { registerTrashRoutes } from "./trash/trash.index.ts";

/** The whole HTTP app, built from its dependencies; tests call this directly. */
export function createApp(deps: Deps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    // Every validation failure, whatever the target, becomes the contract's 422.
    defaultHook: (result) => {
      if (!result.success)
        throw validationError(
          result.error,
          result.target === "json" ? "body" : result.target === "query" ? "query" : "path",
        );
    },
  });

  app.use(requestContext(deps.logger));
  app.use(compression());
  // CORS for the configured origins and the security headers, worked out once (ADR 0077).
  app.use(responseHeaders(deps.env.corsOrigins));

  registerHealthRoutes(app, deps);
  registerDocs(app);
  registerTaskRoutes(app, deps);
  registerListRoutes(app, deps);
  registerLabelRoutes(app, deps);
  registerTrashRoutes(app, deps);
  registerExportRoutes(app, deps);
  registerImportRoutes(app, deps);
  registerSyncRoutes(app, deps);

  app.notFound((c) => problemResponse(c, new AppError("NOT_FOUND", `Nothing at ${c.req.method} ${c.req.path}.`)));
  app.onError((error, c) => {
    // A client that hangs up mid-request makes its body read fail: that is not our error.
    const appError = c.req.raw.signal.aborted
      ? new AppError("CLIENT_CLOSED", "The client closed the connection before the answer.")
      : toAppError(error);
    const log = c.get("logger") ?? deps.logger;
    if (appError.code === "INTERNAL") log.error("unhandled error", describeError(error));
    else if (appError.code === "UNAVAILABLE") log.warn("database unavailable", describeError(error));
    return problemResponse(c, appError);
  });
  return app;
}
