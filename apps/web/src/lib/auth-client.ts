"use client";
import { createAuthClient } from "better-auth/client";

// Same origin as the page, so no URL is baked into the bundle.
export const authClient = createAuthClient();

export interface AuthFailure {
  status: number;
  code?: string | undefined;
}

/** Turns Better Auth's error codes into sentences a person can act on. */
export function authErrorMessage(mode: "sign-in" | "sign-up", failure: AuthFailure): string {
  if (failure.status === 429 && failure.code === "TOO_MANY_ATTEMPTS") {
    return "Too many failed sign-ins for this account. Wait 15 minutes, then try again.";
  }
  if (failure.status === 429) return "Too many attempts from this network. Wait a minute, then try again.";
  if (failure.status === 0) return "We can't reach the server. Check your connection and try again.";
  switch (failure.code) {
    case "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL":
    case "USER_ALREADY_EXISTS":
      return "An account with this email already exists. Sign in instead, or use another email.";
    case "PASSWORD_TOO_SHORT":
      return "That password is too short: use at least 8 characters.";
    case "PASSWORD_TOO_LONG":
      return "That password is too long: use at most 128 characters.";
    case "INVALID_EMAIL":
      return "Enter a valid email address, like name@example.com.";
  }
  // One message for a wrong email and a wrong password, so the form does not
  // reveal which accounts exist.
  if (mode === "sign-in" && (failure.status === 401 || failure.code === "INVALID_EMAIL_OR_PASSWORD")) {
    return "That email and password don't match an account.";
  }
  return "Something went wrong on our side. Please try again.";
}
