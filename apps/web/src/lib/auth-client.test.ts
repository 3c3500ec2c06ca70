import { describe, expect, it } from "vitest";
import { authErrorMessage } from "./auth-client";

describe("authErrorMessage", () => {
  it("tells a locked account apart from a busy network", () => {
    expect(authErrorMessage("sign-in", { status: 429, code: "TOO_MANY_ATTEMPTS" })).toMatch(/this account.*15 minutes/);
    expect(authErrorMessage("sign-in", { status: 429 })).toMatch(/from this network/);
  });

  it("gives one message for a wrong email and a wrong password", () => {
    expect(authErrorMessage("sign-in", { status: 401, code: "INVALID_EMAIL_OR_PASSWORD" })).toBe(
      "That email and password don't match an account.",
    );
  });

  it("explains a taken email on sign-up", () => {
    expect(authErrorMessage("sign-up", { status: 422, code: "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL" })).toMatch(
      /already exists/,
    );
  });
});
