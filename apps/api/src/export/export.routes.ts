import { createRoute, z } from "@hono/zod-openapi";
import { ExportDocumentSchema, ExportQuerySchema } from "@todo/contract";
import { common, problem, security, UserParams } from "../lib/openapi.ts";

export const exportRoute = createRoute({
  method: "get",
  path: "/api/{user_id}/export",
  operationId: "exportData",
  tags: ["account data"],
  security,
  summary: "Download every list and task (the trash left out)",
  description:
    "A download (`Content-Disposition: attachment`), written as it is read. JSON carries every field; " +
    "CSV has one row per task: `title, description, completed, list, labels, priority, due_date, due_time, " +
    "recurrence, created_at, completed_at` (labels space-separated), RFC 4180 quoting, UTF-8.",
  request: { params: UserParams, query: ExportQuerySchema },
  responses: {
    200: {
      description: "The file.",
      headers: z.object({
        "Content-Disposition": z.string().meta({ example: 'attachment; filename="todo-export.json"' }),
      }),
      content: {
        "application/json": { schema: ExportDocumentSchema },
        "text/csv": { schema: z.string().meta({ example: "title,description,completed,...\r\n" }) },
      },
    },
    422: problem("`format` is not json or csv."),
    ...common,
  },
});
