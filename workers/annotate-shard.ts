/** Piscina entry point: annotates one shard. All logic lives in src/annotate. */
import { annotateShard, AnnotateJob, ShardOutcome } from '../src/annotate/annotateShard';

export default function run(job: AnnotateJob): Promise<ShardOutcome> {
  return annotateShard(job);
}
