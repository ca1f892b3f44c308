import { InputError } from '../../errors';
import { readVcfHeader, VcfHeader } from '../../io/vcfHeader';
import { parseVcfDataLine } from '../../io/vcfLine';
import { primaryContigs } from '../../variant/assemblies';
import type { GenomeBuild } from '../../variant/build';
import { PRIMARY_LENGTHS } from '../../variant/build';
import { ContigAliases } from '../../variant/contigs';
import { readLines } from './lines';

/** One data record of an upstream VCF, with the bundle's canonical contig name. */
export interface SourceVcfRecord {
  chrom: string;
  pos1: number;
  id: string;
  ref: string;
  alts: string[];
  filter: string;
  info: string;
  lineNo: number;
}

export interface VcfSourceCounts {
  records: number;
  /** Records on contigs outside the build's primary assembly (alt, decoy, unplaced), skipped. */
  otherContig: number;
}

/**
 * Refuses a VCF whose `##contig` lengths (VCF 4.3 §1.4.7) belong to the other build: the one check
 * that catches a GRCh37 file given to a GRCh38 build before any record is read.
 */
export function checkHeaderBuild(header: VcfHeader, build: GenomeBuild): void {
  const other: GenomeBuild = build === 'GRCh38' ? 'GRCh37' : 'GRCh38';
  for (const c of header.contigs) {
    if (c.length === undefined) continue;
    const bare = c.name.replace(/^chr/i, '');
    const want = PRIMARY_LENGTHS[build][bare];
    if (want !== undefined && c.length !== want) {
      const hint = PRIMARY_LENGTHS[other][bare] === c.length ? ` (that is ${other}'s length)` : '';
      throw new InputError(header.file, `##contig ${c.name} has length ${c.length}, but ${build}'s ${c.name} is ${want}${hint}: the file is not of the declared --build ${build}`);
    }
  }
}

export interface OpenedSourceVcf {
  header: VcfHeader;
  /** Data records on the build's primary contigs, in file order. */
  records(counts: VcfSourceCounts): Generator<SourceVcfRecord>;
}

/** Reads and checks the header; records are then streamed on demand. */
export function openSourceVcf(file: string, build: GenomeBuild): OpenedSourceVcf {
  const header = readVcfHeader(file);
  checkHeaderBuild(header, build);
  return { header, records: (counts) => sourceRecords(file, build, counts) };
}

function* sourceRecords(file: string, build: GenomeBuild, counts: VcfSourceCounts): Generator<SourceVcfRecord> {
  const aliases = new ContigAliases(primaryContigs(build));
  let lastRaw = '';
  let lastCanonical: string | undefined;
  let lastLength = 0;
  for (const { text, lineNo } of readLines(file)) {
    if (text.length === 0 || text.charCodeAt(0) === 35 /* '#' */) continue;
    const f = parseVcfDataLine(text, file, lineNo, -1);
    counts.records++;
    if (f.chrom !== lastRaw) {
      lastRaw = f.chrom;
      lastCanonical = aliases.canonical(f.chrom);
      lastLength = lastCanonical ? aliases.length(lastCanonical) ?? 0 : 0;
    }
    if (!lastCanonical) {
      counts.otherContig++;
      continue;
    }
    if (f.pos > lastLength) {
      throw new InputError(file, `POS ${f.pos} is beyond the end of ${lastCanonical} in ${build} (${lastLength} bp): the file is not of the declared --build ${build}`, lineNo);
    }
    yield { chrom: lastCanonical, pos1: f.pos, id: f.id, ref: f.ref, alts: f.alts, filter: f.filter, info: f.info, lineNo };
  }
}

/**
 * The INFO ids the header itself declares (`##INFO=<ID=...`, VCF 4.3 §1.4.2), read from the raw
 * lines: the header parser also fills in the spec's reserved keys (AF, AC, AN...) that a file may
 * not have, which must not pass for a declaration when checking that a file is the format expected.
 */
export function declaredInfoIds(header: VcfHeader): Set<string> {
  const ids = new Set<string>();
  for (const line of header.lines) {
    const m = /^##INFO=<ID=([^,>]+)/.exec(line);
    if (m) ids.add(m[1]);
  }
  return ids;
}
