import { createMiddleware } from "hono/factory";
import { AppError } from "../errors/app-error.ts";
import type { AppEnv } from "../lib/context.ts";

/** `{user_id}` in the path must be the token's subject: checked here and nowhere else. */
export const requirePathOwner = createMiddleware<AppEnv>(async (c, next) => {
  if (c.req.param("user_id") !== c.get("userId")) {
    throw new AppError("FORBIDDEN", "You can only reach your own data: the path's user id is not yours.");
  }
  await next();
});
