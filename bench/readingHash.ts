/**
 * SHA-256 of everything readShard returns for a file (docs/adr/0003-reading-hot-path.md): every
 * shard of the index plan plus the whole file as one shard, with INFO and the proband call; JSON
 * of every variant, the counts and the warnings. Run it with two builds to compare them:
 *
 *   node dist/bench/readingHash.js FILE [BUILD_DIR]   (BUILD_DIR: a `tsc --outDir` of any commit; default this build)
 *
 * Prints one JSON line: {file, build, shards, variants, sha256}.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { readShard as ReadShard } from '../src/annotate/readShard';
import { openTabixIndex } from '../src/io/tabixIndex';
import { readVcfHeader } from '../src/io/vcfHeader';
import { planShards, wholeFileShard } from '../src/shard/plan';
import { primaryContigs } from '../src/variant/assemblies';
import { ContigAliases } from '../src/variant/contigs';

const ROOT = path.resolve(__dirname, '..', '..');

async function main(): Promise<void> {
  const file = process.argv[2] ?? path.join(ROOT, 'bench', 'work', 'genome-5M.vcf.gz');
  const build = path.resolve(process.argv[3] ?? path.join(__dirname, '..'));
  const { readShard } = require(path.join(build, 'src', 'annotate', 'readShard.js')) as { readShard: typeof ReadShard };
  const header = readVcfHeader(file);
  const index = await openTabixIndex(file);
  const planned = index ? await planShards(file, index, { contigLengths: new Map(header.contigs.map((c) => [c.name, c.length ?? 0])) }) : [];
  const read = { sampleColumn: header.samples.length ? 9 : -1, displayName: file, compression: header.compression, probandCall: true, keepInfo: true };
  const aliases = new ContigAliases(primaryContigs('GRCh38'));
  const hash = createHash('sha256');
  let variants = 0;
  for (const shard of [...planned, wholeFileShard(file)]) {
    const r = readShard(shard, read, aliases);
    for (const v of r.variants) hash.update(JSON.stringify(v) + '\n');
    hash.update(JSON.stringify({ counts: r.counts, warnings: r.warnings, xCalls: r.xCalls ?? null }) + '\n');
    variants += r.variants.length;
  }
  process.stdout.write(JSON.stringify({ file: path.relative(ROOT, file), build: path.relative(ROOT, build), shards: planned.length + 1, variants, sha256: hash.digest('hex') }) + '\n');
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
