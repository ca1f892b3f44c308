/** Cleanups of the run in progress (worker pool, temporary outputs), run by cancelRun() on SIGINT/SIGTERM. */
const cancelHooks = new Set<() => unknown>();

export function addCancelHook(hook: () => unknown): void {
  cancelHooks.add(hook);
}

export function removeCancelHook(hook: () => unknown): void {
  cancelHooks.delete(hook);
}

/** Stops the run in progress: destroys the worker pool and removes temporary output files. */
export async function cancelRun(): Promise<void> {
  for (const hook of [...cancelHooks]) {
    try {
      await hook();
    } catch {
      // best effort: the process is about to exit
    }
  }
  cancelHooks.clear();
}

/** The output directory of a run whose outputs are all renamed into place, so a late signal can say so. */
let outputsComplete: string | null = null;

export function noteOutputsComplete(dir: string): void {
  outputsComplete = dir;
}

export function completedOutputs(): string | null {
  return outputsComplete;
}
