import "server-only";
import { API_AUDIENCE, TOKEN_TTL_SECONDS } from "@todo/contract";
import { type JWTPayload, SignJWT } from "jose";

/**
 * The access token the API accepts (contract section 3): HS256 with the shared
 * secret, and nothing in it but the subject, the session id (`sid`, which the API
 * checks so a sign-out ends API access) and, at most, the e-mail. Better Auth
 * hands us a payload that may carry more (its defaults spread the whole user), so
 * the claims are rebuilt from scratch here rather than trusted.
 */
export function createTokenSigner(secret: string, issuer: string) {
  const key = new TextEncoder().encode(secret);
  return async (payload: JWTPayload): Promise<string> => {
    if (typeof payload.sub !== "string" || payload.sub.length === 0) {
      throw new Error("refusing to sign a token without a subject");
    }
    if (typeof payload.sid !== "string" || payload.sid.length === 0) {
      throw new Error("refusing to sign a token without a session id");
    }
    const claims: JWTPayload = { sub: payload.sub, sid: payload.sid };
    if (typeof payload.email === "string") claims.email = payload.email;
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setIssuer(issuer)
      .setAudience(API_AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + TOKEN_TTL_SECONDS)
      .sign(key);
  };
}
