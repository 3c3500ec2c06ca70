import "server-only";
import { API_AUDIENCE, isTimeZone } from "@todo/contract";
import { betterAuth } from "better-auth";
import { nextCookies } from "better-auth/next-js";
import { jwt } from "better-auth/plugins";
import { z } from "zod";
import { getServerEnv } from "../env";
import { noteAuthError } from "./auth-outage";
import { getPool } from "./db";
import { createTokenSigner } from "./jwt-sign";
import { purgeUserTraces } from "./purge-user";
import { sendResetMail } from "./reset-mail";

/** Attempts allowed per client IP on the credential endpoints, per minute. */
export const AUTH_ATTEMPTS_PER_MINUTE = 10;

function createAuth() {
  const env = getServerEnv();
  return betterAuth({
    appName: "Todo",
    baseURL: env.authUrl,
    secret: env.authSecret,
    // The tables come from packages/db/migrations (one ordered history); Better
    // Auth's own migrator is never run against this pool.
    database: getPool(),
    trustedOrigins: [env.authUrl],
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      autoSignIn: true,
      // Contract 10: a reset link works once, for an hour, and signs out every session.
      sendResetPassword: async ({ user, url }) => sendResetMail(env, { user, url }),
      resetPasswordTokenExpiresIn: 60 * 60,
      revokeSessionsOnPasswordReset: true,
    },
    user: {
      // People can close their account (and `npm run verify` removes its throwaway
      // users this way); the foreign key deletes their tasks with them.
      // Rows that name the user without a foreign key (reset tokens, throttles) go too.
      deleteUser: { enabled: true, afterDelete: async (user) => purgeUserTraces(user) },
      // Contract 10: the zone "today" and "overdue" are computed in. The browser sends
      // its own at sign-up; an unknown zone is refused (400) before anything is stored.
      additionalFields: {
        timeZone: {
          type: "string",
          required: false,
          input: true,
          validator: { input: z.string().refine(isTimeZone, { message: "timeZone is not a known IANA time zone" }) },
        },
      },
    },
    session: {
      // No cookie cache: every request asks the session table, so a signed-out
      // (deleted) session stops working at once, for pages and for /token alike.
      cookieCache: { enabled: false },
    },
    rateLimit: {
      // Better Auth only limits in production by default; the contract wants it
      // always, and in the database so a restart or a second instance shares it.
      enabled: true,
      storage: "database",
      // Credential endpoints get a per-minute budget instead of the default 3 per
      // 10 s: slower for a password guesser, kinder to a person who mistypes.
      customRules: {
        "/sign-in/*": { window: 60, max: AUTH_ATTEMPTS_PER_MINUTE },
        "/sign-up/*": { window: 60, max: AUTH_ATTEMPTS_PER_MINUTE },
        "/request-password-reset": { window: 60, max: AUTH_ATTEMPTS_PER_MINUTE },
      },
    },
    advanced: {
      // Where the client address (the per-address rate-limit key) comes from. The
      // default, X-Forwarded-For, can be set by any client when no proxy overwrites
      // it; deployments name the header their proxy owns (README, security notes).
      ipAddress: {
        ...(env.trustedIpHeaders ? { ipAddressHeaders: env.trustedIpHeaders } : {}),
        ...(env.trustedProxies ? { trustedProxies: env.trustedProxies } : {}),
      },
      // Better Auth turns both checks off by itself when NODE_ENV=test or TEST is
      // set; the contract wants them on in every mode, so say so explicitly.
      disableOriginCheck: false,
      disableCSRFCheck: false,
      // Secure cookies (and the __Secure- prefix) whenever the site is served over
      // https; env.ts refuses a non-local http origin in production.
      useSecureCookies: env.authUrl.startsWith("https://"),
    },
    telemetry: { enabled: false },
    // Lets the route tell a database outage (503) from a bug (500); see auth-outage.ts.
    onAPIError: { onError: noteAuthError },
    plugins: [
      jwt({
        // No key pairs are used: tokens are HS256 with the shared secret (the API
        // has no JWKS to fetch). Better Auth insists on a remote JWKS URL and an
        // asymmetric alg whenever `jwt.sign` is custom; neither is ever served or
        // used, and /api/auth/jwks answers 404.
        jwks: { remoteUrl: `${env.authUrl}/api/auth/jwks-unused`, keyPairConfig: { alg: "EdDSA" } },
        jwt: {
          issuer: env.authUrl,
          audience: API_AUDIENCE,
          expirationTime: "15m",
          // sid lets the API refuse the token as soon as this session is signed out (3b).
          definePayload: ({ user, session }) => ({ email: user.email, sid: session.id }),
          sign: createTokenSigner(env.authSecret, env.authUrl),
        },
        // Tokens come from GET /api/auth/token only, not as a side effect of every
        // get-session call.
        disableSettingJwtHeader: true,
      }),
      // Must stay last: lets server actions/components set auth cookies.
      nextCookies(),
    ],
  });
}

type Auth = ReturnType<typeof createAuth>;
const key = Symbol.for("todo.web.auth");
type Holder = { [key]?: Auth };

/** Created on first use, not at import, so `next build` needs no secrets. */
export function getAuth(): Auth {
  const holder = globalThis as Holder;
  holder[key] ??= createAuth();
  return holder[key];
}
