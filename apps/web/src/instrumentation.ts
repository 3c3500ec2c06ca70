/**
 * Runs once when `next start` / `next dev` boots: a wrong configuration stops the
 * server with a message that names the variable, instead of failing on the first
 * sign-in. `next build` needs no runtime secrets, so the build phase is skipped.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { checkConfigurationOrExit } = await import("./check-configuration");
  checkConfigurationOrExit();
}
