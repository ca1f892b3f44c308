import { InputError } from '../../errors';
import type { HpoTermInput } from '../hpoTypes';
import { readLines } from './lines';

/** The ontology as read from a source file, with the release it names. */
export interface ParsedOntology {
  terms: HpoTermInput[];
  version: string;
}

interface ObographNode {
  id?: string;
  lbl?: string;
  type?: string;
  meta?: { deprecated?: boolean; basicPropertyValues?: Array<{ pred?: string; val?: string }> };
}
interface ObographEdge {
  sub?: string;
  pred?: string;
  obj?: string;
}
interface ObographDoc {
  graphs?: Array<{ id?: string; meta?: { version?: string }; nodes?: ObographNode[]; edges?: ObographEdge[] }>;
}

const PURL = 'http://purl.obolibrary.org/obo/';
/** IAO:0100001 "term replaced by" and oboInOwl hasAlternativeId (obographs spec, OBO→OWL mapping). */
const REPLACED_BY = `${PURL}IAO_0100001`;
const ALT_ID = 'http://www.geneontology.org/formats/oboInOwl#hasAlternativeId';

/** `http://purl.obolibrary.org/obo/HP_0000118` → `HP:0000118`; other ids (other ontologies) → null. */
function hpId(uri: string | undefined): string | null {
  if (!uri) return null;
  const m = /^(?:http:\/\/purl\.obolibrary\.org\/obo\/)?HP[_:](\d{7})$/.exec(uri);
  return m ? `HP:${m[1]}` : null;
}

/** Reads hp.json (obographs JSON, plain or gzip). Only HP classes are kept; is_a edges give parents. */
export function parseHpoJson(file: string): ParsedOntology {
  let text = '';
  for (const { text: line } of readLines(file)) text += line + '\n';
  let doc: ObographDoc;
  try {
    doc = JSON.parse(text) as ObographDoc;
  } catch (e) {
    throw new InputError(file, `not valid JSON (is it hp.json, obographs format?): ${(e as Error).message}`);
  }
  const graph = doc.graphs?.[0];
  if (!graph || !Array.isArray(graph.nodes) || !Array.isArray(graph.edges)) throw new InputError(file, 'no graphs[0].nodes/edges: not an obographs JSON ontology');
  const terms = new Map<string, HpoTermInput>();
  for (const n of graph.nodes) {
    const id = hpId(n.id);
    if (!id || n.type !== 'CLASS') continue;
    const props = n.meta?.basicPropertyValues ?? [];
    const replacedBy = props.find((p) => p.pred === REPLACED_BY)?.val;
    terms.set(id, {
      id,
      label: n.lbl ?? '',
      parents: [],
      altIds: props.filter((p) => p.pred === ALT_ID && p.val).map((p) => p.val!),
      obsolete: n.meta?.deprecated === true,
      ...(replacedBy ? { replacedBy } : {}),
    });
  }
  if (terms.size === 0) throw new InputError(file, 'no HP classes found: is this the Human Phenotype Ontology?');
  for (const e of graph.edges) {
    if (e.pred !== 'is_a') continue;
    const sub = hpId(e.sub);
    const obj = hpId(e.obj);
    if (!sub || !terms.has(sub)) continue;
    if (!obj || !terms.has(obj)) throw new InputError(file, `is_a edge ${sub} -> ${e.obj ?? '?'}: the parent is not a class of the ontology`);
    terms.get(sub)!.parents.push(obj);
  }
  const version = /releases\/(\d{4}-\d{2}-\d{2})\//.exec(graph.meta?.version ?? '')?.[1] ?? graph.meta?.version ?? 'unknown';
  return { terms: [...terms.values()], version };
}
