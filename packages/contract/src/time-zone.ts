import { z } from "zod";
import { isTimeZone } from "./time-zone-rules.ts";

/** An IANA zone sent by a client (`tz`): an unknown one is 422 on the field. */
export const TimeZoneSchema = z
  .string({ error: "must be an IANA time zone name" })
  .refine(isTimeZone, { message: "is not a known IANA time zone" });
