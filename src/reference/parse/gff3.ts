import type { TranscriptModel } from './transcriptModel';
export function parseGff3(file: string): Iterable<TranscriptModel> {
  throw new Error(`GFF3 not yet supported: ${file}`);
}
