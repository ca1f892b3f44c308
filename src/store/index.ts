export { writeStore, buildStore } from './write';
export type { StoreInput, StoreStreamInput, StoreBuildOptions } from './write';
export { StoreReader } from './query';
export type { StoreAnswer, OpenStoreOptions } from './query';
export { parseLookup, describeLookup } from './lookup';
export type { Lookup, LookupKind, StoreHit, StoredVariant, CandidateDetail, TierName, ReportableReason } from './types';
export type { StoreManifest } from './storeManifest';
