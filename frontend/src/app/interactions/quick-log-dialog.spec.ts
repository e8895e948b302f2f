import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import { Auth } from '../core/auth';
import { provideFrenchLocale } from '../core/locale';
import { problemInterceptor } from '../core/problem-interceptor';
import { actionPlan, officer, problem, settle } from '../testing/api-fixtures';
import { DateAdapter } from '@angular/material/core';
import { FrenchDateAdapter, instantOf, provideFrenchDates } from './french-dates';
import { QuickLogDialog, quickLogBody } from './quick-log-dialog';

type DialogInternals = {
  form: {
    patchValue(value: unknown): void;
    controls: Record<string, { value: unknown; errors: Record<string, unknown> | null; setValue(value: unknown): void }> & {
      followUps: { at(index: number): { patchValue(value: unknown): void; controls: Record<string, { errors: Record<string, unknown> | null }> } };
    };
  };
  addFollowUp(): void;
  save(): Promise<void>;
  contacts: { set(value: unknown): void };
  partners: { set(value: unknown): void };
};

describe('QuickLogDialog', () => {
  let fixture: ComponentFixture<QuickLogDialog>;
  let http: HttpTestingController;
  let close: jasmine.Spy;

  async function open(data: unknown = { partners: [{ id: 12, label: 'Brühl' }] }) {
    close = jasmine.createSpy('close');
    TestBed.configureTestingModule({
      imports: [QuickLogDialog],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([problemInterceptor])),
        provideHttpClientTesting(),
        provideFrenchLocale(),
        { provide: MAT_DIALOG_DATA, useValue: data },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const signedIn = TestBed.inject(Auth).refresh();
    http.expectOne('/api/v1/auth/me').flush(officer);
    await signedIn;
    fixture = TestBed.createComponent(QuickLogDialog);
    fixture.detectChanges();
    await settle();
    http.expectOne('/api/v1/follow-ups/assignees').flush({ items: [{ id: 7, displayName: 'Claire Martin', role: 'officer' }, { id: 8, displayName: 'Paul Martin', role: 'officer' }] });
    http.expectOne('/api/v1/objectives').flush(actionPlan);
    await settle();
    fixture.detectChanges();
    return fixture.componentInstance as unknown as DialogInternals;
  }

  afterEach(() => http.verify());

  it('saves the exchange and its follow-ups in one request, with the partner given and me as participant', async () => {
    const dialog = await open();
    dialog.form.patchValue({ subject: 'Préparation de l’échange scolaire', day: new Date(2026, 10, 20), time: '14:30', location: 'Rathaus', notes: '' });
    dialog.contacts.set([{ id: 41, label: 'Heike Koch' }, { id: 42, label: 'Jan Weber' }]);
    dialog.addFollowUp();
    dialog.form.controls.followUps.at(0).patchValue({ title: 'Envoyer la liste des familles', dueOn: new Date(2026, 11, 5), assigneeUserId: 8 });
    const saving = dialog.save();
    await settle();
    const request = http.expectOne({ method: 'POST', url: '/api/v1/interactions' });
    expect(request.request.body).toEqual({
      type: 'meeting',
      occurredAt: new Date(2026, 10, 20, 14, 30).toISOString(),
      subject: 'Préparation de l’échange scolaire',
      location: 'Rathaus',
      notes: null,
      partnerIds: [12],
      contactIds: [41, 42],
      participantIds: [7],
      objectiveIds: [],
      followUps: [{ title: 'Envoyer la liste des familles', dueOn: '2026-12-05', assigneeUserId: 8 }],
    });
    request.flush({ id: 99, followUps: [{ id: 1 }] });
    await saving;
    expect(close).toHaveBeenCalledWith(jasmine.objectContaining({ id: 99 }));
  });

  it('asks for a partner or a contact before sending anything', async () => {
    const dialog = await open({});
    dialog.form.patchValue({ subject: 'Appel' });
    await dialog.save();
    fixture.detectChanges();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('Indiquez au moins un partenaire ou un contact concerné.');
    expect(close).not.toHaveBeenCalled();
  });

  it('shows the server’s refusals next to the fields and keeps what was typed', async () => {
    const dialog = await open();
    dialog.form.patchValue({ subject: 'Réunion' });
    dialog.addFollowUp();
    dialog.form.controls.followUps.at(0).patchValue({ title: 'Rappeler', assigneeUserId: 8 });
    const saving = dialog.save();
    await settle();
    http.expectOne('/api/v1/interactions').flush(
      {
        type: 'urn:passerelles:problem:validation_failed',
        title: 'Données invalides',
        status: 400,
        code: 'validation_failed',
        errors: [
          { path: 'followUps.0.assigneeUserId', message: 'Responsable inconnu ou inactif : choisissez un compte actif de la mairie.' },
          { path: 'contactIds.0', message: 'Ce contact n’existe pas ou a été supprimé.' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await saving;
    fixture.detectChanges();
    const text = (fixture.nativeElement as HTMLElement).textContent ?? '';
    expect(dialog.form.controls.followUps.at(0).controls['assigneeUserId']!.errors?.['server']).toBe('Responsable inconnu ou inactif : choisissez un compte actif de la mairie.');
    expect(text).toContain('Ce contact n’existe pas ou a été supprimé.');
    expect(dialog.form.controls['subject']!.value).toBe('Réunion');
    expect(close).not.toHaveBeenCalled();
  });

});

describe('quickLogBody', () => {
  it('builds the date and time typed the French way', () => {
    const body = quickLogBody(
      { type: 'call', day: new Date(2026, 0, 5), time: '9h05', subject: ' Appel ', location: ' ', notes: 'Rien', objectiveIds: [1], followUps: [] },
      { partners: [], contacts: [{ id: 3, label: 'X' }], participants: [] },
    );
    expect(body.occurredAt).toBe(new Date(2026, 0, 5, 9, 5).toISOString());
    expect(body.subject).toBe('Appel');
    expect(body.location).toBeNull();
    expect(instantOf(new Date(2026, 5, 1), '23:59')).toBe(new Date(2026, 5, 1, 23, 59).toISOString());
  });
});

describe('FrenchDateAdapter', () => {
  let adapter: DateAdapter<Date>;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideFrenchDates()] });
    adapter = TestBed.inject(DateAdapter);
    expect(adapter).toBeInstanceOf(FrenchDateAdapter);
  });

  it('reads dd/MM/yyyy as day first, and refuses dates that do not exist', () => {
    const date = adapter.parse('05/12/2026', null)!;
    expect([date.getFullYear(), date.getMonth(), date.getDate()]).toEqual([2026, 11, 5]);
    expect(adapter.isValid(adapter.parse('31/02/2026', null)!)).toBeFalse();
    expect(adapter.isValid(adapter.parse('demain', null)!)).toBeFalse();
    expect(adapter.parse('', null)).toBeNull();
  });

  it('writes dates as dd/MM/yyyy in the field', () => {
    expect(adapter.format(new Date(2026, 0, 7), { input: true })).toBe('07/01/2026');
  });

  it('reads times written the French way (14h30, 14 h 30, 9h) as well as 14:30, and refuses impossible ones', () => {
    const hourMinute = (value: string) => {
      const time = adapter.parseTime(value, null);
      return time && adapter.isValid(time) ? [adapter.getHours(time), adapter.getMinutes(time)] : null;
    };
    expect(hourMinute('14h30')).toEqual([14, 30]);
    expect(hourMinute('14 h 30')).toEqual([14, 30]);
    expect(hourMinute('9h')).toEqual([9, 0]);
    expect(hourMinute('9H05')).toEqual([9, 5]);
    expect(hourMinute('14:30')).toEqual([14, 30]);
    expect(hourMinute('25h00')).toBeNull();
    expect(hourMinute('14h3')).toBeNull();
    expect(adapter.parseTime('', null)).toBeNull();
  });
});

describe('QuickLogDialog editing an exchange', () => {
  let http: HttpTestingController;
  let close: jasmine.Spy;
  const interaction = {
    id: 5,
    type: 'call' as const,
    occurredAt: new Date(2026, 10, 20, 9, 0),
    subject: 'Appel',
    notes: null,
    location: null,
    partners: [{ id: 12, name: 'Brühl', kind: 'twin_town' }],
    contacts: [],
    participants: [{ id: 7, displayName: 'Claire Martin' }],
    objectives: [],
    followUps: [],
    createdBy: null,
    createdAt: new Date(2026, 10, 20, 9, 5),
    updatedAt: new Date(2026, 10, 20, 9, 5),
    deletedAt: null,
    version: 3,
  };

  async function open() {
    close = jasmine.createSpy('close');
    TestBed.configureTestingModule({
      imports: [QuickLogDialog],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([problemInterceptor])),
        provideHttpClientTesting(),
        provideFrenchLocale(),
        { provide: MAT_DIALOG_DATA, useValue: { interaction } },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const signedIn = TestBed.inject(Auth).refresh();
    http.expectOne('/api/v1/auth/me').flush(officer);
    await signedIn;
    const fixture = TestBed.createComponent(QuickLogDialog);
    fixture.detectChanges();
    await settle();
    http.expectOne('/api/v1/follow-ups/assignees').flush({ items: [] });
    http.expectOne('/api/v1/objectives').flush(actionPlan);
    await settle();
    fixture.detectChanges();
    return { fixture, dialog: fixture.componentInstance as unknown as DialogInternals & { keepMine(): void } };
  }

  afterEach(() => http.verify());

  it('sends only what changed, with the version read; after a conflict, can keep my change on top of the current version', async () => {
    const { fixture, dialog } = await open();
    dialog.form.patchValue({ subject: 'Appel de suivi' });
    const saving = dialog.save();
    await settle();
    const first = http.expectOne({ method: 'PATCH', url: '/api/v1/interactions/5' });
    expect(first.request.body).toEqual({ subject: 'Appel de suivi', version: 3 });
    first.flush(
      { ...problem(409, 'version_conflict', 'Conflit', 'Modifié'), current: { ...interaction, location: 'Mairie', version: 4 }, lastChange: { actor: { id: 8, displayName: 'Paul Martin' } } },
      { status: 409, statusText: 'Conflict' },
    );
    await saving;
    fixture.detectChanges();
    expect((fixture.nativeElement as HTMLElement).querySelector('.conflict')?.textContent).toContain('modifié entre-temps par Paul Martin');
    expect(close).not.toHaveBeenCalled();

    dialog.keepMine();
    await settle();
    const second = http.expectOne({ method: 'PATCH', url: '/api/v1/interactions/5' });
    expect(second.request.body).withContext('Paul’s new place stays').toEqual({ subject: 'Appel de suivi', version: 4 });
    second.flush({ ...interaction, subject: 'Appel de suivi', version: 5 });
    await settle();
    expect(close).toHaveBeenCalledWith(jasmine.objectContaining({ version: 5 }));
  });
});
