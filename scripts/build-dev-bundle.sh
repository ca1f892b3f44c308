#!/bin/sh
# Builds the real-data development bundles from ../shared/data (excerpts of the upstream files; see
# its README). Usage: scripts/build-dev-bundle.sh [grch38|grch37|all]   (default: grch38)
# Output: bench/work/grch38-dev, bench/work/grch37-dev (gitignored). Needs `npm run build` first.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA=${SHARED_DATA:-$ROOT/../shared/data}
CLI="node $ROOT/dist/src/cli/main.js"
WHICH=${1:-grch38}

if [ "$WHICH" = grch38 ] || [ "$WHICH" = all ]; then
  G=$DATA/gnomad/GRCh38
  $CLI reference build --force --build GRCh38 --out "$ROOT/bench/work/grch38-dev" --name grch38-dev \
    --clinvar "$DATA/clinvar/clinvar.20161102.GRCh38-lifted.vcf.gz" \
    --gnomad "$G/gnomad.genomes.v4.0.sites.chrX_10003-20000.annonars.vcf.bgz" \
             "$G/gnomad.genomes.v4.0.sites.chrY_2781511-2789987.annonars.vcf.bgz" \
             "$G/gnomad.genomes.v4.0.sites.chr1_55039894-55039948.annonars.vcf.bgz" \
             "$G/gnomad.exomes.v4.0.sites.chrX_253602-255239.annonars.vcf.bgz" \
             "$G/gnomad.exomes.v4.0.sites.chrY_2786709-2790460.annonars.vcf.bgz" \
             "$G/gnomad.exomes.v4.0.sites.chr1_55039893-55039951.annonars.vcf.bgz" \
             "$G/gnomad.genomes.v3.1.sites.chr1_15971-15977.annonars.vcf.bgz" \
             "$G/gnomad.genomes.r2.0.2.sites.hg38liftover.simple.chr20-22.AF0.4-0.6.dariober.vcf.gz" \
    --genes "$DATA/genes/refGene.hg38.2017.txt.gz" "$DATA/genes/MANE.GRCh38.v1.0.summary.txt.gz" \
            "$DATA/genes/MANE.v1.0-x-refGene.hg38.genePred.txt.gz" \
    --hpo "$DATA/hpo/hp.v2023-01-27.json.gz" --hpo-annotations "$DATA/hpo/phenotype.hpoa.gz" \
    --genes-to-phenotype "$DATA/hpo/genes_to_phenotype.txt.gz" \
    --description "Development bundle from the excerpts in ../shared/data: HPO 2023-01-27, ClinVar 2016-11-02 (MacArthur parse, lifted to GRCh38), gnomAD excerpts only (not genome-wide), UCSC refGene hg38 (2017) with MANE v1.0 flags. Not for clinical use."
fi

if [ "$WHICH" = grch37 ] || [ "$WHICH" = all ]; then
  G=$DATA/gnomad/GRCh37
  $CLI reference build --force --build GRCh37 --out "$ROOT/bench/work/grch37-dev" --name grch37-dev \
    --clinvar "$DATA/clinvar/clinvar.20161102.GRCh37.macarthur.vcf.gz" \
    --gnomad "$G/gnomad.exomes.r2.1.1.sites.1_55505599-55516888.annonars.vcf.bgz" \
             "$G/exac.r0.3.sites.vcfanno-example.vcf.gz" \
    --genes "$DATA/genes/refGene.hg38.2017.txt.gz" "$DATA/genes/MANE.GRCh38.v1.0.summary.txt.gz" \
            "$DATA/genes/MANE.v1.0-x-refGene.hg38.genePred.txt.gz" \
    --lift-genes-chain "$DATA/chains/chain_hg38ToHg19.over.chain.gz" \
    --hpo "$DATA/hpo/hp.v2023-01-27.json.gz" --hpo-annotations "$DATA/hpo/phenotype.hpoa.gz" \
    --genes-to-phenotype "$DATA/hpo/genes_to_phenotype.txt.gz" \
    --description "Development bundle from the excerpts in ../shared/data: HPO 2023-01-27, ClinVar 2016-11-02 GRCh37 (MacArthur parse), gnomAD r2.1.1 exomes and ExAC r0.3 excerpts only, gene models = UCSC refGene hg38 (2017) lifted to GRCh37 with UCSC hg38ToHg19 chain (transcripts whose exons change length are dropped), MANE v1.0 flags. Not for clinical use."
fi
