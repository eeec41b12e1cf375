/** Avatar initials, the same for a contact in the list and an agent in the picker. */

/**
 * Up to two letters from a name, for an avatar: the first letter or digit of
 * the first and last words that have one, in upper case for `lang` (a
 * malformed `lang`, such as `en_US`, falls back to the default case mapping).
 * `fallback` when the name has no letter or digit at all.
 */
export function initials(name: string | undefined, lang: string, fallback = '#'): string {
  const letters = (name ?? '')
    .split(/\s+/)
    .map((w) => /[\p{L}\p{N}]/u.exec(w)?.[0])
    .filter((c): c is string => Boolean(c));
  if (!letters.length) return fallback;
  const pair = letters.length > 1 ? letters[0] + letters[letters.length - 1] : letters[0];
  try {
    return pair.toLocaleUpperCase(lang);
  } catch {
    return pair.toUpperCase();
  }
}
