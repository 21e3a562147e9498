export interface RunResult {
  log: string[];
}
export function describe(value: unknown): string;
export function settle(turns?: number): Promise<void>;
export function runScript(code: string, filename: string): Promise<RunResult>;
