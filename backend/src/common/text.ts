/**
 * Folds text for comparison: no accents, no case, punctuation as spaces.
 * "Brühl" → "bruhl", "Université Paris-Saclay" → "universite paris saclay".
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[œ]/g, 'oe')
    .replace(/[æ]/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
