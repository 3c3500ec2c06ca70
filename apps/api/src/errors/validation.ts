import { type FieldError, SERVER_OWNED_FIELDS } from "@todo/contract";
import type { z } from "zod";
import { AppError } from "./app-error.ts";

const serverOwned = new Set<string>(SERVER_OWNED_FIELDS);

/** zod issues -> 422 with one `{field, message}` per problem, in the contract's words. */
export function validationError(error: z.ZodError, where: "body" | "query" | "path" = "body"): AppError {
  const errors: FieldError[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        errors.push({
          field: key,
          message: serverOwned.has(key) ? "is set by the server and cannot be written" : "is not a known field",
        });
      }
      continue;
    }
    const field = issue.path.length ? issue.path.join(".") : where;
    errors.push({ field, message: issue.message });
  }
  const summary = errors.map((e) => `${e.field} ${e.message}`).join("; ");
  return new AppError("VALIDATION", `The request ${where} is invalid: ${summary}.`, { errors });
}
