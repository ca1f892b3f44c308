/**
 * Gene symbols of a bundle: old model symbols renamed to MANE's (src/reference/geneAssembly.ts) and
 * HPO's disease-gene links put under the models' symbols (src/reference/geneLinks.ts).
 */
import { assembleGeneModels } from '../../src/reference/geneAssembly';
import { alignLinksToModels } from '../../src/reference/geneLinks';
import type { GeneRecord } from '../../src/reference/genes';
import type { ManeEntry } from '../../src/reference/parse/maneSummary';
import type { TranscriptModel } from '../../src/reference/parse/transcriptModel';

function model(accession: string, geneSymbol: string, start1: number): TranscriptModel {
  return {
    accession, geneSymbol, chrom: 'chr5', start1, end1: start1 + 999, strand: '+', cdsStart1: start1 + 100, cdsEnd1: start1 + 900,
    exons: [[start1, start1 + 999]], proteinAccession: null, biotype: '', maneStatus: null, sourceCanonical: false, ncbiGeneId: '', hgncId: '', lineNo: 1,
  };
}

function mane(symbol: string, refseqNuc: string, ncbiGeneId: string): ManeEntry {
  return { ncbiGeneId, hgncId: '', symbol, refseqNuc, refseqProt: '', ensemblNuc: '', ensemblProt: '', status: 'MANE Select' };
}

function assemble(models: TranscriptModel[], entries: ManeEntry[]) {
  return assembleGeneModels([{ file: 'refGene.txt', models }], entries, 'GRCh38', new Map());
}

describe('gene symbols from the models', () => {
  test('a refGene symbol whose MANE transcript has a newer symbol is renamed, with all its transcripts', () => {
    // refGene (2017) names RETREG1 by its old symbol FAM134B; MANE v1.0 gives NM_001034850 as RETREG1.
    const out = assemble([model('NM_001034850', 'FAM134B', 16_473_038), model('NM_019000', 'FAM134B', 16_500_000), model('NM_000001', 'OTHER', 1_000_000)], [mane('RETREG1', 'NM_001034850.3', 'NCBIGene:54463')]);
    expect(out.genes.map((g) => g.symbol)).toEqual(['OTHER', 'RETREG1']);
    expect(out.transcripts.filter((t) => t.geneSymbol === 'RETREG1').map((t) => t.accession).sort()).toEqual(['NM_001034850', 'NM_019000']);
    expect(out.genes.find((g) => g.symbol === 'RETREG1')?.ncbiId).toBe('NCBIGene:54463');
    expect(out.transcripts.find((t) => t.accession === 'NM_001034850')?.maneSelect).toBe(true);
  });

  test('a symbol MANE still gives to one of its transcripts is not renamed, nor one whose transcripts disagree', () => {
    const kept = assemble([model('NM_1', 'A', 1_000_000), model('NM_2', 'A', 1_000_500)], [mane('A', 'NM_1.1', ''), mane('B', 'NM_2.1', '')]);
    expect(kept.genes.map((g) => g.symbol)).toEqual(['A']);
    const split = assemble([model('NM_1', 'A', 1_000_000), model('NM_2', 'A', 1_000_500)], [mane('B', 'NM_1.1', ''), mane('C', 'NM_2.1', '')]);
    expect(split.genes.map((g) => g.symbol)).toEqual(['A']);
  });
});

describe('HPO disease-gene links under the models\' symbols', () => {
  const gene = (symbol: string, ncbiId: string): GeneRecord => ({ symbol, ncbiId, hgncId: '', chrom: 'chr1', start1: 1, end1: 2, strand: '+' });
  const genes = [gene('GBA', 'NCBIGene:2629'), gene('C9orf72', 'NCBIGene:203228'), gene('KMT2D', 'NCBIGene:8085')];

  test('matched by NCBI Gene id, then by symbol ignoring case; an unmatched link keeps its symbol', () => {
    const out = alignLinksToModels(
      [
        { diseaseId: 'OMIM:230800', geneSymbol: 'GBA1', ncbiGeneId: 'NCBIGene:2629' },
        { diseaseId: 'OMIM:105550', geneSymbol: 'C9ORF72', ncbiGeneId: 'NCBIGene:0' },
        { diseaseId: 'OMIM:147920', geneSymbol: 'KMT2D', ncbiGeneId: 'NCBIGene:8085' },
        { diseaseId: 'OMIM:1', geneSymbol: 'ND1', ncbiGeneId: 'NCBIGene:4535' },
      ],
      genes,
    );
    expect(out.links.map((l) => l.geneSymbol)).toEqual(['GBA', 'C9orf72', 'KMT2D', 'ND1']);
    expect(out.renamed).toBe(2);
  });
});
