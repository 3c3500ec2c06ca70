import { EnvError, getServerEnv } from "./env";

/** Node-only half of instrumentation.ts (process.exit does not exist on the edge). */
export function checkConfigurationOrExit(): void {
  try {
    const env = getServerEnv();
    if (!env.production && env.authSecret.length < 32) {
      console.warn("[web] BETTER_AUTH_SECRET is shorter than 32 characters; a production start would refuse it.");
    }
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`[web] ${error.message}`);
    process.exit(1);
  }
}
