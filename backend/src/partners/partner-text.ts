import { foldText } from '../common/text';

/** Name, local names and city, folded, for the list's text filter. */
export function partnerSearchText(name: string, localNames: Record<string, string> | null | undefined, city: string | null | undefined) {
  return [name, ...Object.values(localNames ?? {}), city ?? ''].map(foldText).filter(Boolean).join(' | ').slice(0, 2000);
}
