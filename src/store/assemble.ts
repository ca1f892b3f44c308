/**
 * Writes the store's files from contig pieces (contigEncoder.ts) taken in store order: warm blocks
 * get their ids and index entries, hot rows go in, the cold tier's BGZF blocks are appended with
 * their index entries shifted to where they land. The pieces may come from this thread or from
 * workers; the files are the same either way.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BgzfWriter } from '../io/bgzfWriter';
import { TabixIndexBuilder, VCF_TABIX } from '../io/tabixWriter';
import type { Manifest } from '../reference/manifest';
import type { Candidate } from '../prioritise/types';
import type { ContigEntry } from '../variant/contigs';
import { toolVersion } from '../version';
import { coldHeader } from './coldFormat';
import type { ContigContext, ContigPieces } from './contigEncoder';
import { HotWriter } from './hot';
import { candidateDetails } from './storedVariant';
import { COLD_FILE, HOT_FILE, STORE_SCHEMA, StoreManifest, WARM_BLOBS_FILE, WARM_FILE, writeStoreManifest } from './storeManifest';
import type { SourceHeader } from './sourceFields';
import type { CandidateDetail } from './types';
import { DEFAULT_BLOCK_ROWS, WarmWriter } from './warm';
import { ColumnCodecs, DEFAULT_COLUMN_CODECS } from './warmBlock';

/** Run facts a store is built with. */
export interface StoreStreamInput {
  candidates: Candidate[];
  manifest: Pick<Manifest, 'name' | 'sources'>;
  contigs: ContigEntry[];
  sample: string | null;
  build: string;
  maxAf: number;
  filterLines: string[];
  /** The input's INFO and FORMAT definitions: the cold tier keeps the records' own fields (absent: annotations only). */
  source?: SourceHeader;
}

export interface StoreBuildOptions {
  blockRows?: number;
  /** Codec of every warm column, or per column by name (default: warmBlock.ts DEFAULT_COLUMN_CODECS). */
  codecs?: ColumnCodecs;
}

export class StoreAssembler {
  private readonly hot: HotWriter;
  private readonly warm: WarmWriter;
  private readonly cold: BgzfWriter;
  private readonly coldTmp: string;
  private readonly index = new TabixIndexBuilder(VCF_TABIX);
  private readonly details: Map<string, CandidateDetail[]>;
  readonly blockRows: number;
  readonly codecs: ColumnCodecs;
  private rows = 0;

  /** Creates `dir` (which must not exist yet) and starts the three tiers. */
  constructor(
    private readonly dir: string,
    private readonly input: StoreStreamInput,
    opts: StoreBuildOptions = {},
  ) {
    if (fs.existsSync(dir)) throw new Error(`${dir} already exists; a store is written into a fresh directory`);
    fs.mkdirSync(dir, { recursive: true });
    this.blockRows = opts.blockRows ?? DEFAULT_BLOCK_ROWS;
    this.codecs = opts.codecs ?? DEFAULT_COLUMN_CODECS;
    this.details = candidateDetails(input.candidates);
    this.coldTmp = `${path.join(dir, COLD_FILE)}.tmp-${process.pid}`;
    try {
      this.hot = new HotWriter(path.join(dir, HOT_FILE));
      this.warm = new WarmWriter(path.join(dir, WARM_FILE), path.join(dir, WARM_BLOBS_FILE), this.blockRows, this.codecs);
      this.cold = new BgzfWriter(this.coldTmp);
      this.cold.write(coldHeader({ build: input.build, sample: input.sample, contigs: input.contigs, filterLines: input.filterLines, toolVersion: toolVersion(), ...(input.source ? { source: input.source } : {}) }).join('\n') + '\n');
    } catch (e) {
      fs.rmSync(dir, { recursive: true, force: true });
      throw e;
    }
  }

  /** What an encoder of the next contig needs: its first row and the candidates' detail on it. */
  contextFor(contig: string, firstRow: number): ContigContext {
    const prefix = `${contig}:`;
    const details = new Map([...this.details].filter(([key]) => key.startsWith(prefix)));
    return { firstRow, details, maxAf: this.input.maxAf, withSample: this.input.sample !== null, blockRows: this.blockRows, codecs: this.codecs, ...(this.input.source ? { source: this.input.source } : {}) };
  }

  /** Adds the next contig's pieces (contigs in store order). */
  add(p: ContigPieces): void {
    for (const b of p.blocks) this.warm.addBlock(b);
    for (const h of p.hot) this.hot.add(h.stored, h.details ?? undefined);
    const c = p.cold;
    if (c.beg0.length > 0) {
      const shift = this.cold.appendBlocks(c.bgzf) * 65536;
      for (let i = 0; i < c.beg0.length; i++) this.index.add(p.contig, c.beg0[i], c.end0[i], c.startVo[i] + shift, c.endVo[i] + shift);
    }
    this.rows += p.rows;
  }

  /** Closes every tier and writes store.json. */
  finish(): StoreManifest {
    const meta = { schema: String(STORE_SCHEMA), variants: String(this.rows) };
    const hotCounts = this.hot.finish(this.input.candidates, meta);
    const warmCounts = this.warm.finish(meta);
    this.cold.close();
    const coldFile = path.join(this.dir, COLD_FILE);
    fs.writeFileSync(`${coldFile}.tbi`, this.index.build());
    fs.renameSync(this.coldTmp, coldFile);
    const input = this.input;
    const manifest: StoreManifest = {
      schema: STORE_SCHEMA,
      tool: { name: 'vartriage', version: toolVersion() },
      sample: input.sample,
      build: input.build,
      reference: { name: input.manifest.name, sources: input.manifest.sources.map((s) => ({ kind: s.kind, version: s.version, upstream: s.upstream, sha256: s.sha256, records: s.records })) },
      settings: { max_af: input.maxAf, block_rows: this.blockRows, codec: typeof this.codecs === 'string' ? this.codecs : JSON.stringify(this.codecs) },
      counts: { variants: this.rows, hot: hotCounts.rows, warm_blocks: warmCounts.blocks, candidates: input.candidates.length },
      contigs: input.contigs,
      files: { hot: HOT_FILE, warm: WARM_FILE, warm_blobs: WARM_BLOBS_FILE, cold: COLD_FILE },
    };
    writeStoreManifest(this.dir, manifest);
    return manifest;
  }

  /** Removes everything written so far. */
  abort(): void {
    this.hot.abort();
    this.warm.abort();
    this.cold.abort();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
