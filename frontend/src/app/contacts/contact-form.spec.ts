import type { HttpTestingController } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { type FormSpec, formSpec } from '../records/form-testing';
import { bruhl, countries, problem } from '../testing/api-fixtures';
import { ContactForm } from './contact-form';

describe('ContactForm', () => {
  let ui: FormSpec<ContactForm>;
  let fixture: ComponentFixture<ContactForm>;
  let http: HttpTestingController;
  let element: HTMLElement;

  beforeEach(() => {
    ui = formSpec(ContactForm);
    ({ fixture, http, element } = ui);
  });

  afterEach(() => http.verify());

  function labels(): string[] {
    return Array.from(element.querySelectorAll('mat-label'), (label) => label.textContent!.trim());
  }

  it('starts affiliated to the partner it was opened from, and goes back to it once saved', async () => {
    fixture.componentRef.setInput('partenaire', '12');
    fixture.detectChanges();
    http.expectOne('/api/v1/countries').flush(countries);
    http.expectOne('/api/v1/partners/12').flush(bruhl);
    await ui.render();
    expect(element.querySelector('fieldset[formarrayname="affiliations"]')!.textContent).toContain('Brühl');

    const form = fixture.componentInstance['form'];
    form.controls.lastName.setValue('Schmidt');
    form.controls.emails.setValue('anna@bruehl.de, a.schmidt@bruehl.de');
    form.controls.affiliations.at(0).controls.role.setValue('Bürgermeisterin');
    ui.submit();
    const request = http.expectOne({ method: 'POST', url: '/api/v1/contacts' });
    expect(request.request.body).toEqual(
      jasmine.objectContaining({
        lastName: 'Schmidt',
        emails: ['anna@bruehl.de', 'a.schmidt@bruehl.de'],
        legalBasis: 'legitimate_interest',
        consentOn: null,
        affiliations: [{ partnerId: 12, role: 'Bürgermeisterin', startedOn: null, endedOn: null }],
      }),
    );
    request.flush({ id: 40 });
    await ui.render();
    expect(ui.navigate).toHaveBeenCalledWith(['/partenaires', '12']);
  });

  it('asks for the consent’s date and source only when the legal basis is consent, and shows the server’s errors there', async () => {
    fixture.detectChanges();
    http.expectOne('/api/v1/countries').flush(countries);
    await ui.render();
    expect(labels()).not.toContain('Consentement recueilli le');

    const form = fixture.componentInstance['form'];
    form.controls.lastName.setValue('Dupont');
    form.controls.legalBasis.setValue('consent');
    await ui.render();
    expect(labels()).toContain('Consentement recueilli le');
    expect(labels()).toContain('Source du consentement');

    ui.submit();
    http.expectOne('/api/v1/contacts').flush(
      { ...problem(400, 'validation_failed', 'Données invalides'), errors: [{ path: 'consentOn', message: 'Indiquez la date du consentement.' }] },
      { status: 400, statusText: 'Bad Request' },
    );
    await ui.render();
    expect(element.querySelector('mat-error')?.textContent?.trim()).toBe('Indiquez la date du consentement.');
    expect(form.controls.lastName.value).toBe('Dupont');
  });
});
