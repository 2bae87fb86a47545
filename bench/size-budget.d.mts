/** Types for ./size-budget.mjs (imported by the TypeScript bench). */
export interface FileSizes {
  files: string[];
  /** As built. */
  bytes: number;
  /** Each file gzipped at level 9, summed. */
  gzip: number;
}
export declare const BUDGETS: { content: number; work: number; popup: number };
export declare function pageScripts(dir: string, html: string): { files: string[]; dynamic: string[] };
export declare function measureSizes(dir: string): { content: FileSizes; work: FileSizes; popup: FileSizes & { lazy: FileSizes } };
