/**
 * appSettings v2 → v3: adds `filterOnAo3` ("Filter on AO3 too": AO3 listings' addresses get the
 * reader's exclusions), off by default. Anything that is not an object passes through for the loader
 * to repair and quarantine.
 */
export function appSettingsV3(old: unknown): unknown {
  if (typeof old !== 'object' || old === null || Array.isArray(old)) return old;
  return { ...old, filterOnAo3: false };
}
