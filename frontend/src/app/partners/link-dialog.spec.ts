import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { problemInterceptor } from '../core/problem-interceptor';
import { provideRouter } from '@angular/router';
import { bruhl, problem, settle } from '../testing/api-fixtures';
import { LinkDialog } from './link-dialog';

describe('LinkDialog', () => {
  let fixture: ComponentFixture<LinkDialog>;
  let http: HttpTestingController;
  let close: jasmine.Spy;

  beforeEach(() => {
    close = jasmine.createSpy('close');
    TestBed.configureTestingModule({
      imports: [LinkDialog],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([problemInterceptor])),
        provideHttpClientTesting(),
        { provide: MAT_DIALOG_DATA, useValue: { partner: { id: 30, name: 'EUGLOH' } } },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(LinkDialog);
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  function dialog(): Record<string, unknown> & { other: { set(value: unknown): void } } {
    return fixture.componentInstance as unknown as Record<string, unknown> & { other: { set(value: unknown): void } };
  }

  async function save() {
    Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('button'))
      .find((button) => button.textContent?.trim() === 'Ajouter le lien')!
      .click();
    await settle();
  }

  it('turns "a pour membre" on the network’s page into "other member_of network"', async () => {
    dialog()['choice'] = 'member_of:target';
    dialog().other.set({ ...bruhl, id: 31, name: 'Lund University' });
    await save();
    const request = http.expectOne({ method: 'POST', url: '/api/v1/relationships' });
    expect(request.request.body).toEqual({ type: 'member_of', sourcePartnerId: 31, targetPartnerId: 30, startedOn: null, endedOn: null });
    request.flush({ id: 1 });
    await settle();
    expect(close).toHaveBeenCalledWith({ id: 1 });
  });

  it('keeps "soutient" from this side, with its dates', async () => {
    dialog()['choice'] = 'supports:source';
    dialog()['startedOn'] = '2024-01-01';
    dialog().other.set({ ...bruhl, id: 31 });
    await save();
    expect(http.expectOne('/api/v1/relationships').request.body).toEqual({
      type: 'supports',
      sourcePartnerId: 30,
      targetPartnerId: 31,
      startedOn: '2024-01-01',
      endedOn: null,
    });
  });

  it('says what is missing, and what the server refused, without closing', async () => {
    await save();
    fixture.detectChanges();
    expect((fixture.nativeElement as HTMLElement).querySelector('[role="alert"]')?.textContent).toContain('Choisissez le type de lien.');

    dialog()['choice'] = 'member_of:source';
    dialog().other.set({ ...bruhl, id: 31 });
    await save();
    http.expectOne('/api/v1/relationships').flush(problem(409, 'relationship_exists', 'Conflit', 'Ce lien existe déjà entre ces deux partenaires.'), {
      status: 409,
      statusText: 'Conflict',
    });
    await settle();
    fixture.detectChanges();
    expect((fixture.nativeElement as HTMLElement).querySelector('[role="alert"]')?.textContent).toContain('Ce lien existe déjà');
    expect(close).not.toHaveBeenCalled();
  });
});
