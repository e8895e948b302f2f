import type { HttpTestingController } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import type { VisitView } from '@api/visits/visits.schema';
import { type FormSpec, formSpec } from '../records/form-testing';
import { actionPlan, problem } from '../testing/api-fixtures';
import { VisitForm } from './visit-form';

const visit: VisitView = {
  id: 5,
  title: 'Déplacement du maire à Brühl',
  direction: 'outgoing',
  startsOn: '2026-05-12',
  endsOn: '2026-05-14',
  places: ['Rathaus Brühl'],
  partners: [{ id: 12, name: 'Brühl' }],
  objectives: [{ id: 3, code: 'I.3', title: 'Contribuer à conforter l’amitié franco-allemande' }],
  delegation: [{ side: 'town', name: 'Philippe Laurent', role: 'Maire' }],
  programme: [{ day: '2026-05-12', time: '10:00', place: 'Rathaus', what: 'Réception' }],
  notesForMayor: 'Évoquer l’échange scolaire.',
  version: 3,
  createdAt: new Date('2026-04-01T10:00:00Z'),
  updatedAt: new Date('2026-04-02T10:00:00Z'),
  deletedAt: null,
};

describe('VisitForm', () => {
  let ui: FormSpec<VisitForm>;
  let fixture: ComponentFixture<VisitForm>;
  let http: HttpTestingController;
  let element: HTMLElement;

  beforeEach(() => {
    ui = formSpec(VisitForm);
    ({ fixture, http, element } = ui);
  });

  afterEach(() => http.verify());

  /** Opens the form on visit 5 as the API answers it. */
  async function openVisit(loaded: VisitView = visit) {
    fixture.componentRef.setInput('id', '5');
    fixture.detectChanges();
    http.expectOne('/api/v1/objectives').flush(actionPlan);
    http.expectOne('/api/v1/visits/5').flush(loaded);
    await ui.render();
  }

  it('edits a visit with the version it read, sending its partners, delegation and programme, then opens it', async () => {
    await openVisit();
    expect(element.textContent).toContain('Brühl');
    expect(ui.input('startsOn').value).toBe('12/05/2026');
    expect(ui.input('endsOn').value).toBe('14/05/2026');
    expect(ui.input('day').value).toBe('12/05/2026');
    expect(ui.input('time').value).toBe('10:00');

    const form = fixture.componentInstance['form'];
    form.controls.places.setValue('Rathaus Brühl ; Schloss Augustusburg');
    form.controls.programme.at(0).controls.time.setValue(null);
    ui.submit();
    const request = http.expectOne({ method: 'PATCH', url: '/api/v1/visits/5' });
    expect(request.request.body).toEqual(
      jasmine.objectContaining({
        version: 3,
        startsOn: '2026-05-12',
        endsOn: '2026-05-14',
        places: ['Rathaus Brühl', 'Schloss Augustusburg'],
        partnerIds: [12],
        objectiveIds: [3],
        delegation: [{ side: 'town', name: 'Philippe Laurent', role: 'Maire' }],
        programme: [{ day: '2026-05-12', time: null, place: 'Rathaus', what: 'Réception' }],
      }),
    );
    request.flush({ ...visit, version: 4 });
    await ui.render();
    expect(ui.navigate).toHaveBeenCalledWith(['/visites', 5]);
  });

  it('shows the server’s errors next to the fields and keeps what was typed', async () => {
    fixture.detectChanges();
    http.expectOne('/api/v1/objectives').flush(actionPlan);
    await ui.render();
    const form = fixture.componentInstance['form'];
    form.controls.title.setValue('Accueil de Royal Leamington Spa');
    ui.type('startsOn', '10/06/2026');
    ui.type('endsOn', '08/06/2026');
    ui.submit();
    const request = http.expectOne({ method: 'POST', url: '/api/v1/visits' });
    expect(request.request.body).toEqual(jasmine.objectContaining({ startsOn: '2026-06-10', endsOn: '2026-06-08' }));
    request.flush(
      { ...problem(400, 'validation_failed', 'Données invalides'), errors: [{ path: 'endsOn', message: 'La date de fin précède la date de début.' }] },
      { status: 400, statusText: 'Bad Request' },
    );
    await ui.render();
    expect(element.querySelector('mat-error')?.textContent?.trim()).toBe('La date de fin précède la date de début.');
    expect(form.controls.title.value).toBe('Accueil de Royal Leamington Spa');
    expect(ui.input('endsOn').value).toBe('08/06/2026');
  });

  it('reads the days typed the French way and sends them as the API writes them, the programme starting on the first day', async () => {
    fixture.detectChanges();
    http.expectOne('/api/v1/objectives').flush(actionPlan);
    await ui.render();
    const form = fixture.componentInstance['form'];
    form.controls.title.setValue('Accueil de la délégation de Brühl');
    ui.type('startsOn', '05/12/2026');
    ui.type('endsOn', '7/12/2026');
    expect(ui.input('startsOn').value).toBe('05/12/2026');
    expect(ui.input('endsOn').value).toBe('07/12/2026');
    [...element.querySelectorAll<HTMLButtonElement>('button')].find((button) => button.textContent?.includes('Ajouter une étape au programme'))!.click();
    fixture.detectChanges();
    await ui.render();
    expect(ui.input('day').value).toBe('05/12/2026');
    ui.type('day', '06/12/2026');
    form.controls.programme.at(0).controls.what.setValue('Visite du lycée Lakanal');
    ui.submit();
    const request = http.expectOne({ method: 'POST', url: '/api/v1/visits' });
    expect(request.request.body).toEqual(
      jasmine.objectContaining({
        startsOn: '2026-12-05',
        endsOn: '2026-12-07',
        programme: [{ day: '2026-12-06', time: null, place: null, what: 'Visite du lycée Lakanal' }],
      }),
    );
    request.flush({ ...visit, id: 8 });
    await ui.render();
    expect(ui.navigate).toHaveBeenCalledWith(['/visites', 8]);
  });

  it('says in French when a typed day is not a date, and sends nothing', async () => {
    fixture.detectChanges();
    http.expectOne('/api/v1/objectives').flush(actionPlan);
    await ui.render();
    fixture.componentInstance['form'].controls.title.setValue('Accueil de Brühl');
    ui.type('startsOn', '31/02/2026');
    ui.type('endsOn', '2026-12-07');
    ui.submit();
    await ui.render();
    http.expectNone({ method: 'POST', url: '/api/v1/visits' });
    const errors = [...element.querySelectorAll('mat-error')].map((error) => error.textContent?.trim());
    expect(errors).toEqual([
      'Date invalide (jj/mm/aaaa).',
      'Date invalide (jj/mm/aaaa).',
    ]);
    expect(ui.input('startsOn').value).toBe('31/02/2026');
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('Certains champs sont à compléter ou à corriger.');
  });

  it('shows and lists the programme’s times on 24 hours, and sends a typed time as HH:mm', async () => {
    await openVisit({ ...visit, programme: [{ day: '2026-05-12', time: '14:30', place: 'Rathaus', what: 'Réception' }] });
    expect(ui.input('time').value).toBe('14:30');

    element.querySelector<HTMLButtonElement>('mat-timepicker-toggle button')!.click();
    await ui.render();
    const options = [...document.querySelectorAll('.mat-timepicker-panel mat-option')].map((option) => option.textContent?.trim());
    expect(options).toContain('14:30');
    expect(options).toContain('00:00');
    expect(options.some((option) => /AM|PM/i.test(option ?? ''))).toBeFalse();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));

    ui.type('time', '7:05');
    await ui.render();
    expect(ui.input('time').value).toBe('07:05');
    ui.submit();
    const request = http.expectOne({ method: 'PATCH', url: '/api/v1/visits/5' });
    expect(request.request.body).toEqual(jasmine.objectContaining({ programme: [{ day: '2026-05-12', time: '07:05', place: 'Rathaus', what: 'Réception' }] }));
    request.flush({ ...visit, version: 4 });
    await ui.render();
  });

  it('takes a time typed the French way (14h30) and sends it as HH:mm', async () => {
    await openVisit();
    ui.type('time', '14h30');
    await ui.render();
    expect(ui.input('time').value).toBe('14:30');
    ui.submit();
    const request = http.expectOne({ method: 'PATCH', url: '/api/v1/visits/5' });
    expect(request.request.body).toEqual(jasmine.objectContaining({ programme: [jasmine.objectContaining({ time: '14:30' })] }));
    request.flush({ ...visit, version: 4 });
    await ui.render();
  });

  it('says in French when a typed time is not a time of day, and sends nothing', async () => {
    await openVisit();
    // Typed in the field, as a person does: while it has the focus, the timepicker leaves the text alone.
    ui.input('time').focus();
    ui.type('time', '25:99');
    ui.submit();
    await ui.render();
    http.expectNone({ method: 'PATCH', url: '/api/v1/visits/5' });
    const errors = [...element.querySelectorAll('mat-error')].map((error) => error.textContent?.trim());
    expect(errors).toEqual(['Heure invalide (hh:mm).']);
    expect(ui.input('time').value).toBe('25:99');
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('Certains champs sont à compléter ou à corriger.');
  });

  it('keeps the user’s changes after a version conflict and saves them on top of the current version', async () => {
    await openVisit();
    const form = fixture.componentInstance['form'];
    form.controls.notesForMayor.setValue('Ma note');
    ui.submit();
    http
      .expectOne({ method: 'PATCH', url: '/api/v1/visits/5' })
      .flush({ ...problem(409, 'version_conflict', 'Conflit'), current: { ...visit, version: 4 } }, { status: 409, statusText: 'Conflict' });
    await ui.render();
    expect(element.querySelector('.conflict')?.textContent).toContain('modifiée entre-temps');
    expect(form.controls.notesForMayor.value).toBe('Ma note');
    ui.submit();
    const retry = http.expectOne({ method: 'PATCH', url: '/api/v1/visits/5' });
    expect(retry.request.body).toEqual(jasmine.objectContaining({ version: 4, notesForMayor: 'Ma note' }));
    retry.flush({ ...visit, version: 5 });
    await ui.render();
  });
});
