import type { GenomeBuild } from './build';
import { PRIMARY_LENGTHS } from './build';
import { ContigEntry, standardAliases } from './contigs';

/** RefSeq accessions of the GRCh38 primary assembly (GCF_000001405.26) and rCRS chrM. */
const GRCH38_REFSEQ: Record<string, string> = {
  '1': 'NC_000001.11', '2': 'NC_000002.12', '3': 'NC_000003.12', '4': 'NC_000004.12', '5': 'NC_000005.10',
  '6': 'NC_000006.12', '7': 'NC_000007.14', '8': 'NC_000008.11', '9': 'NC_000009.12', '10': 'NC_000010.11',
  '11': 'NC_000011.10', '12': 'NC_000012.12', '13': 'NC_000013.11', '14': 'NC_000014.9', '15': 'NC_000015.10',
  '16': 'NC_000016.10', '17': 'NC_000017.11', '18': 'NC_000018.10', '19': 'NC_000019.10', '20': 'NC_000020.11',
  '21': 'NC_000021.9', '22': 'NC_000022.11', X: 'NC_000023.11', Y: 'NC_000024.10', M: 'NC_012920.1',
};

/** RefSeq accessions of the GRCh37 primary assembly (GCF_000001405.13). */
const GRCH37_REFSEQ: Record<string, string> = {
  '1': 'NC_000001.10', '2': 'NC_000002.11', '3': 'NC_000003.11', '4': 'NC_000004.11', '5': 'NC_000005.9',
  '6': 'NC_000006.11', '7': 'NC_000007.13', '8': 'NC_000008.10', '9': 'NC_000009.11', '10': 'NC_000010.10',
  '11': 'NC_000011.9', '12': 'NC_000012.11', '13': 'NC_000013.10', '14': 'NC_000014.8', '15': 'NC_000015.9',
  '16': 'NC_000016.9', '17': 'NC_000017.10', '18': 'NC_000018.9', '19': 'NC_000019.9', '20': 'NC_000020.10',
  '21': 'NC_000021.8', '22': 'NC_000022.10', X: 'NC_000023.10', Y: 'NC_000024.9', M: 'NC_012920.1',
};

const MT_LENGTH = 16569;

/** The primary contigs of a build with chr-prefixed canonical names and their usual aliases. */
export function primaryContigs(build: GenomeBuild): ContigEntry[] {
  const refseq = build === 'GRCh38' ? GRCH38_REFSEQ : GRCH37_REFSEQ;
  const out: ContigEntry[] = [];
  for (const [bare, length] of Object.entries(PRIMARY_LENGTHS[build])) {
    out.push({ name: `chr${bare}`, length, aliases: standardAliases(`chr${bare}`, refseq[bare]) });
  }
  out.push({ name: 'chrM', length: MT_LENGTH, aliases: standardAliases('chrM', refseq.M) });
  return out;
}
