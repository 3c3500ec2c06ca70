/**
 * The one reading of an /api/auth/* request body. Better Auth parses bodies of any size and,
 * for repeated fields, picks a different copy than a naive reader would; so the web reads the
 * body itself (capped while it streams), refuses anything ambiguous, validates the fields it
 * knows, and hands Better Auth a rebuilt request. The throttle and Better Auth then see the
 * very same values by construction.
 */
export const AUTH_BODY_LIMIT_BYTES = 16 * 1024;
export const NAME_MAX = 100;
export const EMAIL_MAX = 254;

/** Field names Better Auth's endpoints use; a differently cased twin (`Email`) is refused. */
const KNOWN_FIELDS = [
  "email",
  "password",
  "name",
  "image",
  "newPassword",
  "currentPassword",
  "revokeOtherSessions",
  "callbackURL",
  "redirectTo",
  "rememberMe",
  "token",
  "timeZone",
];
const CANONICAL = new Map(KNOWN_FIELDS.map((f) => [f.toLowerCase(), f]));

export class AuthBodyError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const refuse = (message: string) => new AuthBodyError(400, "INVALID_REQUEST", message);

/** Reads at most `limit` bytes, counting as the body streams: Content-Length can lie or be absent. */
export async function readCapped(request: Request, limit = AUTH_BODY_LIMIT_BYTES): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  const tooLarge = () => new AuthBodyError(413, "PAYLOAD_TOO_LARGE", `The request body is over ${limit} bytes.`);
  if (declared > limit) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
}

/** Top-level keys of a JSON object text in order, duplicates kept (JSON.parse silently keeps the last). */
export function topLevelKeys(text: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "{" || ch === "[") depth++;
    else if (ch === "}" || ch === "]") depth--;
    else if (ch === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === "\\" ? 2 : 1;
      if (depth === 1 && /^\s*:/.test(text.slice(end + 1, end + 40))) keys.push(JSON.parse(text.slice(i, end + 1)));
      i = end;
    }
  }
  return keys;
}

function checkKeys(keys: string[]): void {
  const seen = new Set<string>();
  for (const key of keys) {
    const lower = key.toLowerCase();
    if (seen.has(lower)) throw refuse(`The field "${key}" is sent more than once.`);
    seen.add(lower);
    const canonical = CANONICAL.get(lower);
    if (canonical && canonical !== key) throw refuse(`Unknown field "${key}"; did you mean "${canonical}"?`);
  }
}

/** Flat bodies only, with the rules of contract 3b on name and email. */
function checkFields(fields: Record<string, unknown>): Record<string, unknown> {
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value !== null && typeof value === "object") throw refuse(`"${key}" must be a plain value.`);
    clean[key] = value;
  }
  if ("name" in clean) {
    const name = typeof clean.name === "string" ? clean.name.trim() : undefined;
    if (name === undefined || name.length < 1 || name.length > NAME_MAX) {
      throw refuse(`"name" must be text of 1 to ${NAME_MAX} characters.`);
    }
    clean.name = name;
  }
  if ("email" in clean) {
    if (typeof clean.email !== "string" || clean.email.length < 1 || clean.email.length > EMAIL_MAX) {
      throw refuse(`"email" must be an address of at most ${EMAIL_MAX} characters.`);
    }
  }
  return clean;
}

export interface CleanAuthRequest {
  /** What Better Auth gets: same URL, method and headers, the checked body. */
  request: Request;
  /** The body's fields as Better Auth will read them (empty for a body-less request). */
  fields: Record<string, unknown>;
}

export async function cleanAuthRequest(request: Request): Promise<CleanAuthRequest> {
  if (request.method === "GET" || request.method === "HEAD") return { request, fields: {} };
  const text = await readCapped(request);
  const type = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const headers = new Headers(request.headers);
  headers.delete("content-length");
  let fields: Record<string, unknown> = {};
  let body: string | undefined;
  if (text.trim() === "") {
    headers.delete("content-type");
  } else if (type === "application/json") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw refuse("The body is not valid JSON.");
    }
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw refuse("The body must be a JSON object.");
    checkKeys(topLevelKeys(text));
    fields = checkFields(parsed as Record<string, unknown>);
    body = JSON.stringify(fields);
  } else if (type === "application/x-www-form-urlencoded") {
    const params = new URLSearchParams(text);
    checkKeys([...params.keys()]);
    fields = checkFields(Object.fromEntries(params));
    body = new URLSearchParams(fields as Record<string, string>).toString();
  } else {
    throw new AuthBodyError(415, "UNSUPPORTED_MEDIA_TYPE", "Send the fields as JSON or a urlencoded form.");
  }
  return { request: new Request(request.url, { method: request.method, headers, body }), fields };
}
