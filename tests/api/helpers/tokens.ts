import { API_AUDIENCE } from "@todo/contract";
import { type CryptoKey, type JWTPayload, type KeyObject, SignJWT } from "jose";

/** The shared secret every test app is built with (>= 32 characters, not a placeholder). */
export const TEST_SECRET = "tEst-s3cret-9f8e7d6c5b4a39281706-only-for-the-suite";
/** BETTER_AUTH_URL of the test env: the issuer every valid token names. */
export const TEST_ISSUER = "http://localhost:3000";

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The id of the live session insertUser() gives every test user; tokens name it as `sid`. */
export const sessionIdFor = (userId: string) => `session-${userId}`;

export interface MintOptions {
  /** Claims merged over the valid defaults; a claim set to undefined is left out of the token. */
  claims?: Record<string, unknown>;
  /** Extra protected-header fields (alg comes from `alg`). */
  header?: Record<string, unknown>;
  alg?: string;
  /** Defaults to TEST_SECRET encoded as bytes (HS*); pass a private key for RS256. */
  key?: Uint8Array | CryptoKey | KeyObject;
  secret?: string;
}

/** A token exactly like the web issues (HS256, iss, aud, iat, exp = iat + 10 min, sid), with overrides. */
export async function mintToken(sub: string | undefined, options: MintOptions = {}): Promise<string> {
  const iat = nowSeconds();
  const payload: Record<string, unknown> = {
    sub,
    iss: TEST_ISSUER,
    aud: API_AUDIENCE,
    iat,
    exp: iat + 600,
    ...(sub === undefined ? {} : { sid: sessionIdFor(sub) }),
    ...options.claims,
  };
  for (const [k, v] of Object.entries(payload)) if (v === undefined) delete payload[k];
  const key = options.key ?? new TextEncoder().encode(options.secret ?? TEST_SECRET);
  return new SignJWT(payload as JWTPayload)
    .setProtectedHeader({ ...options.header, alg: options.alg ?? "HS256", typ: "JWT" })
    .sign(key);
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** An unsigned token (`alg: none`), crafted by hand because jose refuses to make one. */
export function unsignedToken(sub: string, claims: Record<string, unknown> = {}): string {
  const iat = nowSeconds();
  const header = { alg: "none", typ: "JWT" };
  const payload = { sub, iss: TEST_ISSUER, aud: API_AUDIENCE, iat, exp: iat + 600, ...claims };
  return `${b64url(header)}.${b64url(payload)}.`;
}
