import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { RelationshipView } from '@api/relationships/relationships.schema';
import { Auth } from '../core/auth';
import { provideFrenchLocale } from '../core/locale';
import { problemInterceptor } from '../core/problem-interceptor';
import { bruhl, countries, officer, settle } from '../testing/api-fixtures';
import { linkLine, PartnerPage } from './partner-page';

const sceaux = { id: 1, name: 'Ville de Sceaux', kind: 'institution', country: 'FR' };
const eugloh = { id: 30, name: 'EUGLOH', kind: 'network', country: null };
const lund = { id: 31, name: 'Lund University', kind: 'university', country: 'SE' };
const link = (id: number, type: RelationshipView['type'], source: typeof sceaux | typeof eugloh, target: typeof sceaux | typeof eugloh): RelationshipView => ({
  id,
  type,
  source,
  target,
  startedOn: null,
  endedOn: null,
  note: null,
  version: 0,
  createdAt: new Date(),
});

describe('links worded from each side', () => {
  it('reads "membre de" from the member and "a pour membre" from the network', () => {
    const membership = link(1, 'member_of', lund, eugloh);
    expect(linkLine(membership, lund.id)).toEqual(jasmine.objectContaining({ wording: 'membre de', other: eugloh }));
    expect(linkLine(membership, eugloh.id)).toEqual(jasmine.objectContaining({ wording: 'a pour membre', other: lund }));
    expect(linkLine(link(2, 'funded_by', lund, eugloh), eugloh.id).wording).toBe('finance');
    expect(linkLine(link(3, 'supports', lund, eugloh), eugloh.id).wording).toBe('soutenu par');
    expect(linkLine(link(4, 'part_of', lund, eugloh), eugloh.id).wording).toBe('comprend');
    expect(linkLine(link(5, 'twinned_with', lund, eugloh), eugloh.id).wording).toBe('jumelée avec');
  });
});

describe('PartnerPage', () => {
  let fixture: ComponentFixture<PartnerPage>;
  let http: HttpTestingController;
  let page: HTMLElement;

  let user = officer;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [PartnerPage],
      providers: [provideRouter([]), provideHttpClient(withInterceptors([problemInterceptor])), provideHttpClientTesting(), provideFrenchLocale()],
    });
    http = TestBed.inject(HttpTestingController);
    const signedIn = TestBed.inject(Auth).refresh();
    http.expectOne('/api/v1/auth/me').flush(user);
    await signedIn;
    fixture = TestBed.createComponent(PartnerPage);
    fixture.componentRef.setInput('id', '12');
    page = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne('/api/v1/countries').flush(countries);
  });

  afterEach(() => {
    http.verify();
    user = officer;
  });

  async function flushRecord(deletedAt: Date | null = null) {
    http.expectOne('/api/v1/partners/12').flush({ ...bruhl, deletedAt });
    http.expectOne('/api/v1/relationships?partner=12').flush({ items: [link(9, 'twinned_with', { ...sceaux, id: 12, name: 'Brühl' }, sceaux)] });
    http.expectOne((request) => request.url === '/api/v1/contacts' && request.params.get('partner') === '12').flush({
      items: [
        {
          id: 40,
          firstName: 'Anna',
          lastName: 'Schmidt',
          fullName: 'Anna Schmidt',
          jobTitle: null,
          country: 'DE',
          emails: [],
          languages: ['de'],
          affiliations: [{ id: 1, partner: { id: 12, name: 'Brühl', kind: 'twin_town', country: 'DE' }, role: 'Bürgermeisterin', startedOn: '2020-01-01', endedOn: null }],
          createdAt: new Date(),
          deletedAt: null,
        },
      ],
      nextCursor: null,
    });
    await settle();
    fixture.detectChanges();
    http.expectOne('/api/v1/partners/12/history').flush({
      items: [{ id: 5, occurredAt: new Date(2026, 10, 28, 14, 3), action: 'update', actor: { id: 8, displayName: 'Paul Martin' }, before: { status: 'active' }, after: { status: 'dormant' } }],
      nextCursor: null,
    });
    http.expectOne((request) => request.url === '/api/v1/partners/12/timeline').flush({
      items: [
        {
          kind: 'interaction',
          at: new Date(2026, 10, 20, 14, 30),
          interaction: {
            id: 3,
            type: 'meeting',
            occurredAt: new Date(2026, 10, 20, 14, 30),
            subject: 'Préparation de l’échange scolaire',
            notes: null,
            location: null,
            partners: [{ id: 12, name: 'Brühl', kind: 'twin_town' }],
            contacts: [{ id: 40, fullName: 'Anna Schmidt' }],
            participants: [],
            objectives: [],
            createdBy: null,
            createdAt: new Date(2026, 10, 20, 15, 0),
            deletedAt: null,
          },
        },
      ],
      nextCursor: null,
    });
    await settle();
    await fixture.whenStable();
  }

  it('shows the profile with French dates, its people with roles, its links and its history', async () => {
    await flushRecord();
    const text = page.textContent!.replace(/\s+/g, ' ');
    expect(page.querySelector('h1')?.textContent).toBe('Brühl');
    expect(text).toContain('Brühl, Allemagne');
    expect(text).toContain('14 juin 1964');
    expect(text).toContain('I.3 Contribuer à conforter l’amitié franco-allemande');
    expect(text).toContain('Anna Schmidt Bürgermeisterin depuis janvier 2020');
    expect(text).toContain('jumelée avec Ville de Sceaux');
    expect(text).toContain('Paul Martin a modifié le statut : actif → en sommeil, le 28 novembre 2026 à 14:03');
    expect(page.querySelector('a[href="/partenaires/12/modifier"]')).not.toBeNull();
    expect(text).toContain('20 nov. 2026, 14:30RéunionPréparation de l’échange scolaire avec Anna Schmidt');
  });

  describe('for the mayor’s office', () => {
    beforeAll(() => (user = { ...officer, role: 'cabinet' }));

    it('shows the record without any button that changes it', async () => {
      await flushRecord();
      expect(page.querySelector('h1')?.textContent).toBe('Brühl');
      expect(page.querySelector('a[href="/partenaires/12/modifier"]')).toBeNull();
      const buttons = Array.from(page.querySelectorAll('button'), (button) => button.textContent?.trim());
      expect(buttons.filter((label) => ['Supprimer', 'Ajouter un lien', 'Ajouter un contact', 'Retirer', 'Fusionner un doublon'].includes(label ?? ''))).toEqual([]);
    });
  });

  it('says the partner does not exist even when another request of the page failed first', async () => {
    const problem = (status: number) => ({ type: 'about:blank', title: 'Refusé', status });
    http
      .expectOne((request) => request.url === '/api/v1/contacts')
      .flush(problem(403), { status: 403, statusText: 'Forbidden', headers: { 'Content-Type': 'application/problem+json' } });
    await settle();
    http.expectOne('/api/v1/relationships?partner=12').flush(problem(404), { status: 404, statusText: 'Not Found' });
    http.expectOne('/api/v1/partners/12').flush(problem(404), { status: 404, statusText: 'Not Found' });
    await settle();
    fixture.detectChanges();
    expect(page.querySelector('[role="alert"]')?.textContent).toContain('Ce partenaire n’existe pas.');
  });

  it('offers to restore a deleted partner instead of editing it', async () => {
    await flushRecord(new Date('2026-11-28T10:00:00Z'));
    const buttons = Array.from(page.querySelectorAll('button'), (button) => button.textContent?.trim());
    expect(buttons).toContain('Restaurer');
    expect(buttons).not.toContain('Supprimer');
    expect(page.textContent).toContain('Cette fiche est dans la corbeille depuis le 28 novembre 2026');
  });
});
