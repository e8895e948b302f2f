import type { HttpTestingController } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { type FormSpec, formSpec } from '../records/form-testing';
import { actionPlan, bruhl, countries, owners, problem } from '../testing/api-fixtures';
import { PartnerForm } from './partner-form';

describe('PartnerForm', () => {
  let ui: FormSpec<PartnerForm>;
  let fixture: ComponentFixture<PartnerForm>;
  let http: HttpTestingController;
  let element: HTMLElement;

  function create(id?: string) {
    ui = formSpec(PartnerForm);
    ({ fixture, http, element } = ui);
    if (id) fixture.componentRef.setInput('id', id);
    fixture.detectChanges();
    http.expectOne('/api/v1/countries').flush(countries);
    http.expectOne('/api/v1/users/owners').flush(owners);
    http.expectOne('/api/v1/objectives').flush(actionPlan);
  }

  function type(label: string, value: string) {
    const field = Array.from(element.querySelectorAll('mat-form-field')).find((candidate) => candidate.querySelector('mat-label')?.textContent?.trim() === label)!;
    const input = field.querySelector<HTMLInputElement>('input, textarea')!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  function errorOf(label: string): string | undefined {
    const field = Array.from(element.querySelectorAll('mat-form-field')).find((candidate) => candidate.querySelector('mat-label')?.textContent?.trim() === label);
    return field?.querySelector('mat-error')?.textContent?.trim();
  }

  function click(text: string) {
    Array.from(element.querySelectorAll('button')).find((button) => button.textContent?.trim() === text)!.click();
  }

  afterEach(() => http.verify());

  it('shows the server’s per-field errors next to the fields and keeps what was typed', async () => {
    create();
    type('Nom', 'Comité de jumelage');
    fixture.componentInstance['form'].controls.kind.setValue('association');
    type('Site web', 'pas une adresse');
    type('E-mail public', 'contact@exemple.fr');
    click('Enregistrer');
    const request = http.expectOne({ method: 'POST', url: '/api/v1/partners' });
    expect(request.request.body).toEqual(jasmine.objectContaining({ name: 'Comité de jumelage', kind: 'association', website: 'pas une adresse', country: null }));
    request.flush(
      { ...problem(400, 'validation_failed', 'Données invalides'), errors: [{ path: 'website', message: 'Adresse web invalide (exemple : https://www.exemple.fr).' }] },
      { status: 400, statusText: 'Bad Request' },
    );
    await ui.render();
    expect(errorOf('Site web')).toBe('Adresse web invalide (exemple : https://www.exemple.fr).');
    expect(element.querySelector<HTMLInputElement>('input[formcontrolname="name"]')!.value).toBe('Comité de jumelage');
  });

  it('lists probable duplicates and creates anyway on request', async () => {
    create();
    type('Nom', 'Bruhl');
    fixture.componentInstance['form'].controls.kind.setValue('twin_town');
    click('Enregistrer');
    http.expectOne('/api/v1/partners').flush(
      { ...problem(409, 'probable_duplicate', 'Conflit'), candidates: [{ id: 12, name: 'Brühl', kind: 'twin_town', country: 'DE', city: 'Brühl' }] },
      { status: 409, statusText: 'Conflict' },
    );
    await ui.render();
    const warning = element.querySelector('.duplicates')!;
    expect(warning.textContent).toContain('Doublon probable');
    expect(warning.querySelector('a')?.textContent).toBe('Brühl');
    click('Créer quand même');
    const again = http.expectOne('/api/v1/partners');
    expect(again.request.body.confirmDuplicate).toBeTrue();
    again.flush({ ...bruhl, id: 99, name: 'Bruhl' });
    await ui.render();
    expect(ui.navigate).toHaveBeenCalledWith(['/partenaires', 99]);
  });

  it('on a version conflict, shows who changed what, and reapplies the user’s change on the current version', async () => {
    create('12');
    http.expectOne('/api/v1/partners/12').flush(bruhl);
    await ui.render();
    type('Ville', 'Brühl (Rheinland)');
    click('Enregistrer');
    const first = http.expectOne({ method: 'PATCH', url: '/api/v1/partners/12' });
    expect(first.request.body).toEqual({ city: 'Brühl (Rheinland)', version: 3 });
    first.flush(
      {
        ...problem(409, 'version_conflict', 'Conflit'),
        current: { ...bruhl, status: 'dormant', version: 4 },
        lastChange: { occurredAt: '2026-11-28T13:03:00.000Z', actor: { id: 8, displayName: 'Paul Martin' }, fields: ['status'] },
      },
      { status: 409, statusText: 'Conflict' },
    );
    await ui.render();
    const conflict = element.querySelector('.conflict')!;
    expect(conflict.textContent).toContain('Fiche modifiée entre-temps par Paul Martin, le 28 novembre 2026');
    const cells = Array.from(conflict.querySelectorAll('tbody tr:first-child th, tbody tr:first-child td'), (cell) => cell.textContent!.trim());
    expect(cells).toEqual(['le statut', 'en sommeil', '(inchangé)']);

    click('Réappliquer mes modifications');
    await ui.render();
    expect(element.querySelector<HTMLInputElement>('input[formcontrolname="city"]')!.value).toBe('Brühl (Rheinland)');
    click('Enregistrer');
    const second = http.expectOne({ method: 'PATCH', url: '/api/v1/partners/12' });
    expect(second.request.body).toEqual({ city: 'Brühl (Rheinland)', version: 4 });
    second.flush({ ...bruhl, status: 'dormant', city: 'Brühl (Rheinland)', version: 5 });
    await ui.render();
  });

  it('reloads the current version when the user prefers it', async () => {
    create('12');
    http.expectOne('/api/v1/partners/12').flush(bruhl);
    await ui.render();
    type('Ville', 'Autre');
    click('Enregistrer');
    http
      .expectOne('/api/v1/partners/12')
      .flush({ ...problem(409, 'version_conflict', 'Conflit'), current: { ...bruhl, city: 'Köln', version: 4 }, lastChange: null }, { status: 409, statusText: 'Conflict' });
    await ui.render();
    click('Recharger la fiche');
    await ui.render();
    expect(element.querySelector<HTMLInputElement>('input[formcontrolname="city"]')!.value).toBe('Köln');
    expect(element.querySelector('.conflict')).toBeNull();
  });
});
