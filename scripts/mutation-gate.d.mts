/** Types for ./mutation-gate.mjs (imported by its unit test). */
export interface FolderScore {
  detected: number;
  counted: number;
}
export declare const GATED: readonly string[];
export declare const MIN_SCORE: number;
export declare function mutatePatterns(folders?: readonly string[]): string[];
export declare function reportFileOf(folder: string): string;
export declare function scores(
  report: { files?: Record<string, { mutants?: { status: string }[] }> },
  sourceFiles: readonly string[],
  folders?: readonly string[],
): { byFolder: Record<string, FolderScore>; missing: string[] };
export declare function undetectedMutants(report: {
  files?: Record<string, { source?: string; mutants?: { status: string; mutatorName: string; replacement?: string; location: { start: { line: number; column: number } } }[] }>;
}): string[];
