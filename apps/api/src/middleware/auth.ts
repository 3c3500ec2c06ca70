import { createSecretKey } from "node:crypto";
import { API_AUDIENCE, TOKEN_TTL_SECONDS } from "@todo/contract";
import { createMiddleware } from "hono/factory";
import { type JWTPayload, errors as joseErrors, jwtVerify } from "jose";
import { AppError } from "../errors/app-error.ts";
import type { AppEnv, Deps } from "../lib/context.ts";
import { liveSessions } from "./live-sessions.ts";
import { verifiedTokens } from "./verified-tokens.ts";

// Real tokens are ~300 bytes; anything huge is refused before any crypto runs.
const MAX_TOKEN_LENGTH = 4096;

const invalid = (detail: string, cause?: unknown) =>
  new AppError("UNAUTHORIZED", detail, { bearerError: "invalid_token", cause });

/**
 * The one place a bearer token is checked (contract section 3): HS256 only,
 * signature with the shared secret, exp/nbf/iat with a small skew, iss = the
 * web's origin, aud = todo-api, non-empty sub, and sid naming a live session of
 * that user (so a sign-out ends API access within seconds, contract 3b).
 */
export const requireUser = ({ db, env }: Pick<Deps, "db" | "env">) => {
  // Imported once: jose would otherwise turn raw bytes into a key on every request.
  const key = createSecretKey(new TextEncoder().encode(env.BETTER_AUTH_SECRET));
  const sessionIsLive = liveSessions(db);
  const skew = env.JWT_CLOCK_SKEW_SECONDS;
  const verified = verifiedTokens<JWTPayload>();
  return createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header("authorization");
    if (!header) throw new AppError("UNAUTHORIZED", "Sign in first: send Authorization: Bearer <token>.");
    const match = /^Bearer +([^\s]+)\s*$/i.exec(header);
    if (!match?.[1]) throw invalid("The Authorization header must be 'Bearer <token>'.");
    const token = match[1];
    if (token.length > MAX_TOKEN_LENGTH) throw invalid("The token is too large.");

    let payload = verified.get(token);
    if (!payload) {
      try {
        ({ payload } = await jwtVerify(token, key, {
          algorithms: ["HS256"],
          issuer: env.BETTER_AUTH_URL,
          audience: API_AUDIENCE,
          requiredClaims: ["exp", "iat", "sub", "sid"],
          clockTolerance: skew,
          maxTokenAge: TOKEN_TTL_SECONDS + skew,
        }));
      } catch (error) {
        const expired = error instanceof joseErrors.JWTExpired;
        throw invalid(expired ? "The token has expired; fetch a new one." : "The token is not valid.", error);
      }
      // exp is required above, so it is a number here; the entry dies with the token (plus the skew).
      verified.set(token, payload, ((payload.exp as number) + skew) * 1000);
    }
    const { sub, sid, iat, exp } = payload;
    if (typeof sub !== "string" || sub.trim() === "") throw invalid("The token has no subject.");
    if (typeof sid !== "string" || sid === "") throw invalid("The token names no session.");
    // PostgreSQL text cannot hold NUL: such a subject names no user, and querying it would raise (500).
    if (sub.includes("\u0000") || sid.includes("\u0000")) throw invalid("The token's session does not exist.");
    // (A future iat beyond the skew is refused by jose itself, because maxTokenAge is set.)
    if (typeof iat === "number" && typeof exp === "number" && exp - iat > TOKEN_TTL_SECONDS) {
      throw invalid("The token lives longer than the API accepts.");
    }
    if (!(await sessionIsLive(sid, sub))) throw invalid("The token's session has ended; sign in again.");
    c.set("userId", sub);
    await next();
  });
};
