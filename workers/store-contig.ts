/** Piscina entry point: encodes one contig of a run's store. All logic lives in src/store. */
import { encodeSpilledContig, StoreContigJob, StoreContigOutcome } from '../src/store/parallelWrite';

export default function run(job: StoreContigJob): StoreContigOutcome {
  return encodeSpilledContig(job);
}
