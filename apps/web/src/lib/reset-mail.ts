import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import type { ServerEnv } from "../env";

interface ResetMail {
  user: { email: string; name: string };
  url: string;
}

let transport: Transporter | undefined;

/**
 * Password-reset mail (contract section 10). With SMTP_URL it goes out by SMTP (nodemailer);
 * without it, in development or on localhost, the link is written to the web's log so a fresh clone can still
 * reset a password; in production without SMTP_URL nothing secret is logged, only that mail
 * is not configured. Sending is not awaited by the endpoint: an address that exists must not
 * answer slower than one that does not.
 */
export function sendResetMail(env: ServerEnv, { user, url }: ResetMail): void {
  if (!env.smtpUrl) {
    // `npm start` runs a production build on localhost: a link in that log reaches nobody else.
    const local = ["localhost", "127.0.0.1", "[::1]"].includes(new URL(env.authUrl).hostname);
    if (env.production && !local)
      console.warn("[web] password reset requested, but SMTP_URL is not set: no mail was sent.");
    else console.info(`[web] password reset link for ${user.email} (no SMTP_URL, so it is logged here): ${url}`);
    return;
  }
  transport ??= nodemailer.createTransport(env.smtpUrl);
  const text = [
    `Hello ${user.name || ""},`.replace(" ,", ","),
    "",
    "Someone (hopefully you) asked to reset the password of your Todo account.",
    "Open this link within an hour to choose a new one; it works once:",
    "",
    url,
    "",
    "If you did not ask for this, ignore this mail: your password stays as it is.",
  ].join("\n");
  transport
    .sendMail({ from: env.mailFrom, to: user.email, subject: "Reset your Todo password", text })
    .catch((error: Error) => console.warn("[web] password reset mail could not be sent:", error.message));
}
