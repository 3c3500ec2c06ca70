import { PROBLEM_CONTENT_TYPE, ProblemSchema } from "@todo/contract";
import { z } from "zod";

/** Building blocks every route definition shares, so the OpenAPI document says each thing once. */
export const problem = (description: string) => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } },
});

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T, required = true) => ({
  required,
  content: { "application/json": { schema } },
});

export const UserParams = z.object({
  user_id: z.string().meta({ description: "Must equal the token's `sub`.", example: "u_3kd9Qe7x" }),
});
export const idParams = (what: string) =>
  UserParams.extend({
    id: z.string().meta({ description: `The ${what}'s id (UUID).`, example: "6f1c8a4e-2b1d-4c3e-9a5f-0d2e7b8c9a10" }),
  });

/** Errors every authenticated route can answer. */
export const common = {
  401: problem("Missing, malformed, expired or forged token, or its session has ended (signed out)."),
  403: problem("The path's user_id is not the token's subject."),
  429: problem(
    "Over your request budget (API_RATE_LIMIT a minute, bursts of 100): wait `Retry-After` seconds. " +
      "Every answer carries the IETF `RateLimit-Policy` and `RateLimit` headers.",
  ),
  500: problem("Unexpected server error (details only in the logs)."),
  503: problem("The database is not reachable right now; retry after `Retry-After` seconds."),
};
export const withBody = {
  400: problem("The body is not valid JSON."),
  413: problem("The body is larger than 64 KiB."),
  415: problem("The body is not application/json."),
  422: problem("A field breaks the contract; `errors` names each one."),
};
export const security = [{ bearerAuth: [] }];

export const LinkHeader = z.object({
  Link: z.string().optional().meta({ description: 'Present when more rows exist: `<next page URL>; rel="next"`.' }),
});
export const LocationHeader = z.object({ Location: z.string().meta({ description: "Where the new resource lives." }) });
