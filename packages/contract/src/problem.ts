import { z } from "zod";

/** RFC 9457 problem details: the one error shape of the API. */
export const FieldErrorSchema = z.object({
  field: z.string().meta({ example: "title" }),
  message: z.string().meta({ example: "must not be empty" }),
});

export const ProblemSchema = z
  .object({
    type: z.string().meta({ example: "urn:todo:problem:not-found" }),
    title: z.string().meta({ example: "Not Found" }),
    status: z.number().int().meta({ example: 404 }),
    detail: z.string().meta({ example: "No task with that id." }),
    instance: z.string().optional(),
    request_id: z.string().optional(),
    errors: z.array(FieldErrorSchema).optional(),
    current: z.unknown().optional().meta({
      description: "On 412: the resource as it is now (for a bulk request, the tasks whose version differed).",
    }),
  })
  .meta({ id: "Problem" });

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export type FieldError = z.infer<typeof FieldErrorSchema>;
export type Problem = z.infer<typeof ProblemSchema>;
