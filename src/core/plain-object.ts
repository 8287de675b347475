/**
 * A plain JSON object (not null, not an array): the one test the level checks and the
 * saves share. Its own module, so reading a save does not bring the level schema (and
 * valibot) into the JS the title waits for.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
