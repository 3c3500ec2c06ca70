/**
 * The embedded database could not be started: `message` says what failed, `fix`
 * what to do. `npm start` prints both on one line, without a stack trace.
 */
export class EmbeddedStartError extends Error {
  constructor(
    message: string,
    readonly fix: string,
  ) {
    super(message);
    this.name = "EmbeddedStartError";
  }
}
