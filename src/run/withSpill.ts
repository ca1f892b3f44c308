import { VariantSpill } from '../shard/variantSpill';
import { addCancelHook, removeCancelHook } from './cancel';

/**
 * Runs `work` with a fresh spill directory in `parent` (src/shard/variantSpill.ts) and removes it
 * afterwards, whether the work succeeds, fails or the run is cancelled (SIGINT/SIGTERM).
 */
export async function withSpill<T>(parent: string, work: (spill: VariantSpill) => Promise<T>): Promise<T> {
  const spill = VariantSpill.create(parent);
  const remove = (): void => spill.remove();
  addCancelHook(remove);
  try {
    return await work(spill);
  } finally {
    remove();
    removeCancelHook(remove);
  }
}
