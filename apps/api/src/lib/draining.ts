let draining = false;

/** This process is shutting down: readiness says so while in-flight and late requests finish. */
export function startDraining(): void {
  draining = true;
}

export const isDraining = (): boolean => draining;
