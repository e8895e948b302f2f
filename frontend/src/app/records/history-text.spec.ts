import type { HistoryEntry } from '@api/common/fields.schema';
import { registerLocaleData } from '@angular/common';
import localeFr from '@angular/common/locales/fr';
import { describeChange, historySentence } from './history-text';

describe('history in French', () => {
  beforeAll(() => registerLocaleData(localeFr));

  const entry = (values: Partial<HistoryEntry>): HistoryEntry => ({
    id: 1,
    occurredAt: new Date(2026, 10, 28, 14, 3),
    action: 'update',
    actor: { id: 7, displayName: 'Marie Dupont' },
    before: null,
    after: null,
    ...values,
  });

  it('says who changed which field from what to what, and when', () => {
    expect(historySentence(entry({ before: { status: 'active' }, after: { status: 'dormant' } }))).toBe(
      'Marie Dupont a modifié le statut : actif → en sommeil, le 28 novembre 2026 à 14:03',
    );
  });

  it('names countries, dates, lists and empty values as a reader expects', () => {
    const lines = describeChange(
      entry({
        before: { country: null, charterSignedOn: null, tags: ['Europe'] },
        after: { country: 'DE', charterSignedOn: '1964-06-14', tags: ['Europe', 'jumelage'] },
      }),
      (code) => (code === 'DE' ? 'Allemagne' : code),
    );
    expect(lines).toEqual([
      'a modifié le pays : — → Allemagne',
      'la date de signature de la charte : — → 14 juin 1964',
      'les mots-clés : Europe → Europe, jumelage',
    ]);
  });

  it('tells creations, deletions, restorations, links and merges', () => {
    expect(describeChange(entry({ action: 'create' }))).toEqual(['a créé la fiche']);
    expect(describeChange(entry({ action: 'delete' }))).toEqual(['a supprimé la fiche']);
    expect(describeChange(entry({ action: 'restore' }))).toEqual(['a restauré la fiche']);
    const relationship = { type: 'member_of', source: { id: 1, name: 'Ville de Sceaux' }, target: { id: 2, name: 'AFCCRE' } };
    expect(describeChange(entry({ action: 'link', after: { relationship } }))).toEqual(['a ajouté le lien : Ville de Sceaux membre de AFCCRE']);
    expect(describeChange(entry({ action: 'unlink', before: { relationship } }))).toEqual(['a retiré le lien : Ville de Sceaux membre de AFCCRE']);
    expect(describeChange(entry({ action: 'merge', after: { mergedFrom: { id: 3, name: 'Bruhl' } } }))).toEqual(['a fusionné la fiche « Bruhl » dans celle-ci']);
    expect(historySentence(entry({ action: 'create', actor: null }))).toContain('Le système a créé la fiche');
  });

  it('names the public events and a replaced logo', () => {
    const lines = describeChange(entry({ before: { publicEvents: null, logo: '3fa9c1aa.png' }, after: { publicEvents: 'Fête en juin', logo: '7bd2e0bb.png' } }));
    expect(lines).toEqual(['a modifié les événements organisés (profil public) : — → Fête en juin', 'le logo : image 3fa9c1 → image 7bd2e0']);
  });
});
