import { randomBytes } from "node:crypto";
import { CookieJar, readJson, request } from "./http.ts";
import { CheckFailure } from "./types.ts";

/** A throwaway account driven through Better Auth's HTTP endpoints, as a browser would. */
export class WebUser {
  readonly email = `verify-${Date.now()}-${randomBytes(4).toString("hex")}@verify.invalid`;
  readonly password = randomBytes(18).toString("base64url");
  readonly jar = new CookieJar();
  id = "";

  constructor(private readonly webUrl: string) {}

  private post(path: string, body: unknown): Promise<Response> {
    return request(`${this.webUrl}${path}`, {
      method: "POST",
      // Better Auth's origin check wants the request to come from the web's own origin.
      headers: { "Content-Type": "application/json", Origin: new URL(this.webUrl).origin, Cookie: this.jar.header() },
      body: JSON.stringify(body),
    });
  }

  async signUp(): Promise<void> {
    const res = await this.post("/api/auth/sign-up/email", {
      name: "Readiness check",
      email: this.email,
      password: this.password,
    });
    this.jar.store(res);
    const body = await readJson<{ user?: { id?: string }; message?: string }>(res);
    if (res.status !== 200 || !body.user?.id) {
      throw new CheckFailure(
        `sign-up answered ${res.status}: ${body.message ?? "no user in the response"}`,
        "check the web's logs",
      );
    }
    this.id = body.user.id;
  }

  async token(): Promise<string> {
    const res = await request(`${this.webUrl}/api/auth/token`, { headers: { Cookie: this.jar.header() } });
    const body = await readJson<{ token?: string }>(res);
    if (res.status !== 200 || !body.token)
      throw new CheckFailure(`GET /api/auth/token answered ${res.status} without a token`);
    return body.token;
  }

  async signOut(): Promise<void> {
    const res = await this.post("/api/auth/sign-out", {});
    if (res.status !== 200) throw new CheckFailure(`sign-out answered ${res.status}`);
    this.jar.store(res);
  }

  async signIn(): Promise<void> {
    const res = await this.post("/api/auth/sign-in/email", { email: this.email, password: this.password });
    if (res.status !== 200) throw new CheckFailure(`sign-in answered ${res.status}`);
    this.jar.store(res);
  }

  /** Deletes the account; its tasks go with it (foreign key, on delete cascade). */
  async delete(): Promise<Response> {
    return this.post("/api/auth/delete-user", { password: this.password });
  }
}
