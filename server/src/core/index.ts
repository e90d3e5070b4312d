/** Public surface of the analysis core. */
export * from './types.js';
export * from './config.js';
export * from './rule.js';
export * from './engine.js';
export * from './lines.js';
export { hedgeDensity, proseWords, formatHedgeDensity, type HedgeDensity } from './density.js';
export { parseDocument, languageOfPath, type Block, type ParsedDocument } from './document.js';
export { RULES, ruleById } from './rules/index.js';
export { applyEdits, preferredEdits } from './fixes.js';
export { listQuotations, type QuotationEntry } from './attribution.js';
export { WorkspaceIndex } from './workspace.js';
