import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../errors';
import { looksLikeBgzf, looksLikeGzip, readAt } from '../io/bgzf';
import type { GenomeBuild } from '../variant/build';
import { PRIMARY_LENGTHS } from '../variant/build';

/**
 * Adds the reference FASTA to a bundle (copied with its .fai, and .gzi when bgzipped: samtools faidx
 * layout), after checking that its sequence lengths are those of the declared build.
 */
export function addFasta(dir: string, fasta: string, build: GenomeBuild): { file: string; sequences: number } {
  const fd = fs.openSync(fasta, 'r');
  const head = readAt(fd, 0, 18);
  fs.closeSync(fd);
  const bgzf = looksLikeBgzf(head);
  if (!bgzf && looksLikeGzip(head)) throw new InputError(fasta, 'gzip but not BGZF: recompress with `bgzip` so it can be read by region');
  const fai = `${fasta}.fai`;
  if (!fs.existsSync(fai)) throw new InputError(fasta, `no index ${path.basename(fai)} beside it: run \`samtools faidx ${path.basename(fasta)}\``);
  if (bgzf && !fs.existsSync(`${fasta}.gzi`)) throw new InputError(fasta, 'bgzipped FASTA without its .gzi index: run `samtools faidx` on it');
  const lines = fs.readFileSync(fai, 'utf8').split('\n').filter((l) => l.length > 0);
  lines.forEach((l, i) => {
    const [name, lengthText] = l.split('\t');
    const bare = name.replace(/^chr/i, '');
    const want = PRIMARY_LENGTHS[build][bare];
    if (want !== undefined && Number(lengthText) !== want) throw new InputError(fai, `${name} has length ${lengthText}, ${build}'s is ${want}: the FASTA is not of the declared --build ${build}`, i + 1);
  });
  const file = bgzf ? 'genome.fa.gz' : 'genome.fa';
  fs.copyFileSync(fasta, path.join(dir, file));
  fs.copyFileSync(fai, path.join(dir, `${file}.fai`));
  if (bgzf) fs.copyFileSync(`${fasta}.gzi`, path.join(dir, `${file}.gzi`));
  return { file, sequences: lines.length };
}
