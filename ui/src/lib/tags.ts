// Tags are typed as one line, separated by commas and/or whitespace.

/**
 * Splits a tag line into tags: separators are commas and whitespace, empty
 * pieces are dropped, and a tag repeated (ignoring case) is kept once, in the
 * spelling first typed. `#` is part of a tag (`#hugops` ≠ `hugops`).
 */
export function parseTags(input: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const piece of input.split(/[\s,]+/u)) {
    const tag = piece.trim();
    if (!tag) continue;
    const key = tag.toLocaleLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

/** The editable text for a list of tags (inverse of {@link parseTags}). */
export function formatTags(tags: readonly string[]): string {
  return tags.join(', ');
}
