import { z } from "zod";
import { ListSchema } from "./list.ts";
import { TaskSchema } from "./task.ts";

/** Contract 9: one entry of the change feed. `data` is the resource as it is now, for upserts. */
export const ChangeSchema = z
  .discriminatedUnion("op", [
    z.object({
      kind: z.enum(["task", "list"]),
      id: z.string(),
      op: z.literal("upsert"),
      data: z.union([TaskSchema, ListSchema]).meta({ description: "The task or list JSON (by `kind`)." }),
    }),
    z.object({ kind: z.enum(["task", "list"]), id: z.string(), op: z.literal("delete") }),
  ])
  .meta({ id: "Change" });

export const ChangePageSchema = z
  .object({
    changes: z.array(ChangeSchema).meta({ description: "In commit order, at most 500." }),
    cursor: z.string().meta({ description: "Pass as `since` for the next call (opaque)." }),
    has_more: z.boolean().meta({ description: "True when more changes wait: call again at once with `cursor`." }),
  })
  .meta({ id: "ChangePage" });

export const ChangesQuerySchema = z.object({
  since: z.string().min(1).max(1000).optional().meta({
    description:
      "The `cursor` of the previous answer or `change` event. Without it: no changes and the current cursor.",
  }),
});

/** The `data` of an `event: change` on `/events`. */
export const ChangeEventSchema = z.object({ cursor: z.string() }).meta({ id: "ChangeEvent" });

export type Change = z.infer<typeof ChangeSchema>;
export type ChangePage = z.infer<typeof ChangePageSchema>;
export type ChangeEvent = z.infer<typeof ChangeEventSchema>;
