// The part of @babel/standalone the Compare pane uses (the package ships no types).
declare module '@babel/standalone' {
  export function transform(code: string, options: Record<string, unknown>): { code?: string | null };
}
