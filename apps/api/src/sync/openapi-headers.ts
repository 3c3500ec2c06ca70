import { PROBLEM_CONTENT_TYPE } from "@todo/contract";

/**
 * Contract 8's headers, documented on every operation they apply to, whichever branch added
 * the route: Idempotency-Key (and its 409/422) on every write under /api/{user_id}; If-Match
 * (and 412) on PUT/PATCH/DELETE/move of one task or list; ETag on their single-resource
 * answers. Done on the generated document so no route definition has to repeat it.
 */
type Operation = {
  parameters?: unknown[];
  responses?: Record<
    string,
    {
      description?: string;
      headers?: Record<string, unknown>;
      content?: Record<string, { schema?: { $ref?: string } }>;
    }
  >;
};
type Doc = { paths?: Record<string, Record<string, Operation>>; components?: Record<string, Record<string, unknown>> };

const WRITES = ["post", "put", "patch", "delete"];
const SINGLE = /^\/api\/\{user_id\}\/(tasks|lists)\/\{id\}(\/(complete|move))?$/;
const RESOURCE_SCHEMAS = new Set(["#/components/schemas/Task", "#/components/schemas/List"]);

const problem = (description: string) => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: "#/components/schemas/Problem" } } },
});

const idempotencyKey = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description:
    "1 to 255 visible ASCII characters. Repeating it within 24 hours with the same method, path and body returns " +
    "the first answer again (with `Idempotent-Replayed: true`) without doing the work again.",
  schema: { type: "string", minLength: 1, maxLength: 255, pattern: "^[\\x21-\\x7E]+$" },
};
const ifMatch = {
  name: "If-Match",
  in: "header",
  required: false,
  description:
    'The `ETag` you saw (e.g. `"v3"`; several comma-separated, or `*`). When the resource changed since: 412, ' +
    "`current` in the body is how it is now, and nothing changes.",
  schema: { type: "string" },
};
const etag = {
  description: 'The version as an opaque strong tag (e.g. `"v3"`), for If-Match.',
  schema: { type: "string" },
};
const replayed = {
  description: "`true` when this is the stored answer to an earlier request with the same Idempotency-Key.",
  schema: { type: "string", enum: ["true"] },
};

/** Adds a reason to a response that may already exist for another one. */
function also(responses: NonNullable<Operation["responses"]>, status: string, reason: string) {
  const existing = responses[status];
  if (existing) existing.description = `${existing.description ?? ""} Or: ${reason}`.trim();
  else responses[status] = problem(reason);
}

export function withSyncHeaders<T>(document: T): T {
  const doc = document as Doc;
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    if (!path.startsWith("/api/{user_id}/")) continue;
    for (const [method, op] of Object.entries(item)) {
      const responses = op.responses ?? {};
      if (WRITES.includes(method)) {
        op.parameters = [...(op.parameters ?? []), idempotencyKey];
        also(responses, "400", "An Idempotency-Key that is not 1 to 255 visible ASCII characters.");
        also(
          responses,
          "409",
          "A request with the same Idempotency-Key is still running (`type` `urn:todo:problem:still-running`): repeat it after `Retry-After` seconds.",
        );
        also(responses, "422", "The Idempotency-Key was used for a different request.");
        for (const [status, res] of Object.entries(responses)) {
          if (status.startsWith("2")) res.headers = { ...res.headers, "Idempotent-Replayed": replayed };
        }
      }
      if (SINGLE.test(path) && method !== "get" && (method !== "post" || path.endsWith("/move"))) {
        op.parameters = [...(op.parameters ?? []), ifMatch];
        responses["412"] = problem("If-Match names another version: `current` holds the resource as it is now.");
      }
      if (path.endsWith("/tasks/bulk")) {
        responses["412"] = problem("A task of `if_versions` has another version now: `current` lists those tasks.");
      }
      for (const [status, res] of Object.entries(responses)) {
        const ref = res.content?.["application/json"]?.schema?.$ref;
        if (status.startsWith("2") && ref && RESOURCE_SCHEMAS.has(ref)) res.headers = { ...res.headers, ETag: etag };
      }
      op.responses = responses;
    }
  }
  return document;
}
