import countries from 'i18n-iso-countries';
import fr from 'i18n-iso-countries/langs/fr.json';

countries.registerLocale(fr);

/** Whether a code is an ISO 3166-1 alpha-2 country, from the maintained list of i18n-iso-countries. */
export function isCountryCode(code: string): boolean {
  return countries.isValid(code) && code.length === 2;
}

/** Every country, with its French name, sorted as a French reader expects. */
export function countryList(): { code: string; name: string }[] {
  const names = countries.getNames('fr', { select: 'official' });
  return Object.entries(names)
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}
