import { z } from "zod";
import { LIST_NAME_FIELD } from "./field-rules.ts";
import { textSchema } from "./text-schema.ts";

/** Lists (contract section 6.2). */

export const ListNameSchema = textSchema(
  z.string({ error: (iss) => (iss.input === undefined ? "is required" : "must be a string") }),
  LIST_NAME_FIELD,
).meta({ description: "Trimmed, 1 to 100 characters, unique per user ignoring case.", example: "Home" });

export const ListColorSchema = z
  .string({ error: "must be a #rrggbb colour or null" })
  .regex(/^#[0-9a-fA-F]{6}$/, { message: "must be a #rrggbb colour" })
  .transform((v) => v.toLowerCase())
  .nullable()
  .meta({ example: "#3b82f6" });

const TIMESTAMP = { description: "RFC 3339, UTC.", example: "2026-11-24T09:30:00.000Z" };

export const ListSchema = z
  .object({
    id: z.string().meta({ example: "0b5e8c1a-6f3d-4e2a-9c7b-1d2e3f4a5b6c" }),
    name: z.string().meta({ example: "Home" }),
    color: z.string().nullable().meta({ example: "#3b82f6" }),
    position: z.string().meta({ description: "Manual order of lists; compare as byte strings.", example: "a0" }),
    open_count: z.number().int().meta({ description: "Tasks in it not completed (trash excluded).", example: 3 }),
    version: z.number().int().meta({ example: 1 }),
    created_at: z.string().meta(TIMESTAMP),
    updated_at: z.string().meta(TIMESTAMP),
  })
  .meta({ id: "List" });

export const ListListSchema = z.array(ListSchema).meta({ id: "ListList" });

export const ListCreateSchema = z
  .strictObject({ name: ListNameSchema, color: ListColorSchema.optional() })
  .meta({ id: "ListCreate", example: { name: "Home", color: "#3b82f6" } });

export const ListUpdateSchema = z
  .strictObject({ name: ListNameSchema.optional(), color: ListColorSchema.optional() })
  .meta({ id: "ListUpdate", example: { name: "House" } });

/** Move one list (or task) directly before or after a neighbour; neither = the end. */
export const ListMoveSchema = z
  .strictObject({
    before: z.string({ error: "must be a list id" }).optional(),
    after: z.string({ error: "must be a list id" }).optional(),
  })
  .meta({ id: "ListMove", example: { after: "0b5e8c1a-6f3d-4e2a-9c7b-1d2e3f4a5b6c" } });

export type List = z.infer<typeof ListSchema>;
export type ListCreate = z.infer<typeof ListCreateSchema>;
export type ListUpdate = z.infer<typeof ListUpdateSchema>;
export type ListMove = z.infer<typeof ListMoveSchema>;
