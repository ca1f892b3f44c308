import type { TranscriptModel } from './transcriptModel';
export function parseGtf(file: string): Iterable<TranscriptModel> {
  throw new Error(`GTF not yet supported: ${file}`);
}
