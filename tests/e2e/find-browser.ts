import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** `override` if set, else the first of `names` found on PATH. */
export function findExecutable(override: string | undefined, names: string[]): string | undefined {
  if (override) return override;
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const name of names) {
    for (const dir of dirs) {
      const candidate = path.join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // keep looking
      }
    }
  }
  return undefined;
}
