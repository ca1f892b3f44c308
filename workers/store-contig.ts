/** Piscina entry point: encodes one contig of a run's store. All logic lives in src/store. */
import { encodeSpilledContig, StoreContigJob } from '../src/store/parallelWrite';
import type { ContigPieces } from '../src/store/contigEncoder';

export default function run(job: StoreContigJob): ContigPieces {
  return encodeSpilledContig(job);
}
