import { createRoute, z } from "@hono/zod-openapi";
import { IMPORT_MAX_BYTES, ImportQuerySchema, ImportResultSchema } from "@todo/contract";
import { common, json, problem, security, UserParams } from "../lib/openapi.ts";

const file = z.string().meta({ format: "binary" });

/** Documented here; served by a plain handler, so no validator reads the file before the import does. */
export const importRoute = createRoute({
  method: "post",
  path: "/api/{user_id}/import",
  operationId: "importData",
  tags: ["account data"],
  security,
  summary: "Import a file: our JSON or CSV export, or Todoist's CSV",
  description:
    `Up to ${IMPORT_MAX_BYTES / 1024 / 1024} MiB, as the body or the \`file\` field of multipart/form-data. ` +
    "All or nothing in one transaction; lists are matched by name (ignoring case) and missing ones created. " +
    "Todoist `section` and `note` rows are skipped and reported. `dry_run=true` answers the same and changes nothing.",
  request: {
    params: UserParams,
    query: ImportQuerySchema,
    body: {
      required: true,
      content: {
        "application/json": { schema: z.object({}).passthrough().meta({ description: "A todo-export file." }) },
        "text/csv": { schema: file },
        "multipart/form-data": { schema: z.object({ file }) },
      },
    },
  },
  responses: {
    ...common,
    200: json(ImportResultSchema, "What was (or, in a dry run, would be) added, and the lines skipped."),
    400: problem("The body cannot be read (not UTF-8, a multipart body without `file`)."),
    403: problem("The path's user_id is not yours, or the import would pass the task quota (100,000)."),
    413: problem(`The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MiB.`),
    415: problem("The body is not JSON, CSV or multipart/form-data."),
    422: problem(
      "The file cannot be parsed or a value breaks a field rule; `errors` names each line. Nothing was written.",
    ),
  },
});
