import { z } from "zod";
import { LabelNameSchema } from "./task-fields.ts";

/** Labels (contract section 6.3): they live on tasks; these are the per-user views of them. */
export const LabelSchema = z
  .object({
    name: z.string().meta({ description: "The first spelling you used.", example: "errands" }),
    open_count: z.number().int().meta({ description: "Open tasks carrying it.", example: 2 }),
  })
  .meta({ id: "Label" });

export const LabelListSchema = z.array(LabelSchema).meta({ id: "LabelList" });

export const LabelRenameSchema = z
  .strictObject({ name: LabelNameSchema })
  .meta({ id: "LabelRename", example: { name: "shopping" } });

export type Label = z.infer<typeof LabelSchema>;
export type LabelRename = z.infer<typeof LabelRenameSchema>;
