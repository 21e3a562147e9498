// Types for tests/runtime/size-budget.test.ts, which imports bench/runtime-size.mjs.
export interface HelperSize { name: string; serves?: string; budget?: number; minified: number; gzip: number }
export interface RuntimeSizes { rows: HelperSize[]; whole: HelperSize; asModule: HelperSize }
export const readmePath: string;
export const helpers: { name: string; serves: string; budget: number }[];
export const wholeBudget: number;
export const target: number;
export function runtimeSizes(): Promise<RuntimeSizes>;
export function sizeTable(sizes: RuntimeSizes): string;
export function overBudget(sizes: RuntimeSizes): string[];
export function readmeTable(readme: string): string | null;
export function writeReadme(table: string): void;
