/**
 * appSettings v1 → v2: adds `showFilteredTitles` (a collapsed work's placeholder names it), on by
 * default. Anything that is not an object passes through for the loader to repair and quarantine.
 */
export function appSettingsV2(old: unknown): unknown {
  if (typeof old !== 'object' || old === null || Array.isArray(old)) return old;
  return { ...old, showFilteredTitles: true };
}
