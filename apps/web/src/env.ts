import "server-only";
import { secretProblem } from "@todo/contract";
import { z } from "zod";

/**
 * The web's configuration, validated once (instrumentation.ts calls it at boot) and
 * cached. Next loads apps/web/.env.local into process.env; variables already set in
 * the process win over the file.
 */

const url = (name: string) =>
  z.url({ error: `${name} must be an absolute http(s) URL` }).refine((v) => /^https?:\/\//.test(v), {
    message: `${name} must start with http:// or https://`,
  });

const isLocalHost = (value: string) => {
  const host = new URL(value).hostname;
  return host === "localhost" || host === "127.0.0.1" || host === "[::1]";
};

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string({ error: "DATABASE_URL is required (postgres://user:pass@host:5432/db)" })
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// URL"),
    BETTER_AUTH_SECRET: z
      .string({ error: "BETTER_AUTH_SECRET is required (the same value the API uses)" })
      .min(1, "BETTER_AUTH_SECRET is required (the same value the API uses)"),
    BETTER_AUTH_URL: url("BETTER_AUTH_URL").optional(),
    API_URL: url("API_URL").optional(),
    NEXT_PUBLIC_API_URL: url("NEXT_PUBLIC_API_URL").optional(),
    TRUSTED_IP_HEADERS: z.string().optional(),
    TRUSTED_PROXIES: z.string().optional(),
    SMTP_URL: z
      .string()
      .regex(/^(smtps?:\/\/.+)?$/, "SMTP_URL must be an smtp:// or smtps:// URL (smtp://user:pass@host:587)")
      .optional(),
    MAIL_FROM: z.string().min(3, "MAIL_FROM must be an address, like Todo <todo@example.com>").optional(),
  })
  .superRefine((env, ctx) => {
    const production = env.NODE_ENV === "production";
    const secretIssue = secretProblem(env.BETTER_AUTH_SECRET);
    if (production && secretIssue) {
      ctx.addIssue({
        code: "custom",
        path: ["BETTER_AUTH_SECRET"],
        message: `BETTER_AUTH_SECRET ${secretIssue} in production`,
      });
    }
    if (production && !env.BETTER_AUTH_URL) {
      ctx.addIssue({ code: "custom", path: ["BETTER_AUTH_URL"], message: "BETTER_AUTH_URL is required in production" });
    }
    // Session cookies are only marked Secure on an https origin; a public http
    // origin would send them in clear text.
    if (production && env.BETTER_AUTH_URL?.startsWith("http://") && !isLocalHost(env.BETTER_AUTH_URL)) {
      ctx.addIssue({
        code: "custom",
        path: ["BETTER_AUTH_URL"],
        message: "BETTER_AUTH_URL must be https:// in production (plain http is allowed for localhost only)",
      });
    }
    if (production && !env.API_URL && !env.NEXT_PUBLIC_API_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["API_URL"],
        message: "API_URL (or NEXT_PUBLIC_API_URL) is required in production",
      });
    }
  });

export interface ServerEnv {
  production: boolean;
  /** Headers the deployment's proxy sets (and overwrites) with the client address. */
  trustedIpHeaders: string[] | undefined;
  /** Addresses or CIDR ranges of that proxy, for multi-hop X-Forwarded-For chains. */
  trustedProxies: string[] | undefined;
  databaseUrl: string;
  authSecret: string;
  /** The web's public origin: Better Auth's base URL and the JWT issuer. */
  authUrl: string;
  /** The API's origin as the browser must reach it (no trailing slash). */
  apiUrl: string;
  /** Where password-reset mail goes out; unset = the link is only logged (development). */
  smtpUrl: string | undefined;
  mailFrom: string;
}

let cached: ServerEnv | undefined;

export class EnvError extends Error {
  override name = "EnvError";
}

export function formatEnvIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const variable = String(issue.path[0] ?? "environment");
      return issue.message.includes(variable) ? `  - ${issue.message}` : `  - ${variable}: ${issue.message}`;
    })
    .join("\n");
}

/** Parses process.env as a whole object so Next never inlines a NEXT_PUBLIC_ value at build time. */
export function getServerEnv(source: NodeJS.ProcessEnv = process.env): ServerEnv {
  if (cached && source === process.env) return cached;
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    throw new EnvError(
      `Invalid web configuration (apps/web/.env.local or the process environment):\n${formatEnvIssues(parsed.error)}`,
    );
  }
  const env = parsed.data;
  const result: ServerEnv = {
    production: env.NODE_ENV === "production",
    databaseUrl: env.DATABASE_URL,
    authSecret: env.BETTER_AUTH_SECRET,
    // The API compares the issuer with this value as an origin, so no path or slash.
    authUrl: new URL(env.BETTER_AUTH_URL ?? "http://localhost:3000").origin,
    apiUrl: stripSlash(env.API_URL ?? env.NEXT_PUBLIC_API_URL ?? "http://localhost:8000"),
    trustedIpHeaders: list(env.TRUSTED_IP_HEADERS),
    trustedProxies: list(env.TRUSTED_PROXIES),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? `Todo <no-reply@${new URL(env.BETTER_AUTH_URL ?? "http://localhost:3000").hostname}>`,
  };
  if (source === process.env) cached = result;
  return result;
}

const stripSlash = (value: string) => value.replace(/\/+$/, "");
const list = (value: string | undefined) => {
  const items = value
    ?.split(",")
    .map((v) => v.trim())
    .filter(Boolean);
  return items?.length ? items : undefined;
};
