/** Language and country names in French for the PDFs; the domain's words come from common/labels.ts. */
const languages = new Intl.DisplayNames(['fr'], { type: 'language' });
const regions = new Intl.DisplayNames(['fr'], { type: 'region' });

export function languageFr(code: string) {
  try {
    return languages.of(code) ?? code;
  } catch {
    return code;
  }
}

export function countryFr(code: string | null) {
  if (!code) return null;
  try {
    return regions.of(code) ?? code;
  } catch {
    return code;
  }
}
