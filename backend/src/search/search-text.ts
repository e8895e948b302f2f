import { foldText } from '../common/text';

const maxTokens = 8;

/**
 * The words of what a user typed, folded (no accents, no case) and stripped of anything but letters and
 * digits: whatever the input (quotes, operators, SQL), what reaches the index is plain words.
 */
export function queryTokens(query: string): string[] {
  return [...new Set(foldText(query).split(' ').filter(Boolean))].slice(0, maxTokens);
}

/** The [start, end) ranges of the words of `text` that begin with one of the tokens. */
export function highlightRanges(text: string, tokens: string[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = foldText(match[0]).replaceAll(' ', '');
    if (tokens.some((token) => word.startsWith(token))) ranges.push([match.index, match.index + match[0].length]);
  }
  return ranges;
}

/** A window of `text` around its first match, cut at word boundaries, with the matches inside it. */
export function snippet(text: string, tokens: string[], maxLength = 180): { snippet: string; highlights: [number, number][] } {
  // The lines of a record's text (description, city, tags...) read as one line, separated by a dot.
  const flat = text
    .split(/\s*\n\s*/)
    .filter(Boolean)
    .join(' · ')
    .replace(/\s+/g, ' ')
    .trim();
  const ranges = highlightRanges(flat, tokens);
  if (flat.length <= maxLength) return { snippet: flat, highlights: ranges };
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, first - Math.floor(maxLength / 3));
  if (start > 0) start = flat.indexOf(' ', start) + 1 || start;
  let end = Math.min(flat.length, start + maxLength);
  if (end < flat.length) end = flat.lastIndexOf(' ', end) > start ? flat.lastIndexOf(' ', end) : end;
  const prefix = start > 0 ? '… ' : '';
  const suffix = end < flat.length ? ' …' : '';
  const shift = prefix.length - start;
  return {
    snippet: `${prefix}${flat.slice(start, end)}${suffix}`,
    highlights: ranges.filter(([from, to]) => from >= start && to <= end).map(([from, to]) => [from + shift, to + shift]),
  };
}
