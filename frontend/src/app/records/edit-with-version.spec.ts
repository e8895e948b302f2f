import { Component, inject, input } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { provideRouter, Router } from '@angular/router';
import { ApiProblem } from '../core/api-problem';
import { settle } from '../testing/api-fixtures';
import { editWithVersion } from './edit-with-version';
import { RecordFormFrame } from './record-form-frame';

type Note = { id: number; version: number; title: string };
type NoteBody = { title: string };

/** A stand-in for a feature's API: every call is recorded, and answers what the test says. */
class FakeApi {
  readonly calls: [string, ...unknown[]][] = [];
  answer: (call: string) => Promise<Note> = async () => ({ id: 4, version: 2, title: 'Jumelage avec Brühl' });
  get(id: number) {
    this.calls.push(['get', id]);
    return this.answer('get');
  }
  create(body: NoteBody) {
    this.calls.push(['create', body]);
    return this.answer('create');
  }
  update(id: number, body: NoteBody & { version: number }) {
    this.calls.push(['update', id, body]);
    return this.answer('update');
  }
}

@Component({
  selector: 'app-edit-host',
  imports: [ReactiveFormsModule, RecordFormFrame],
  template: `
    <app-record-form-frame listName="Notes" listLink="/notes" [heading]="edit.editing() ? 'Modifier la note' : 'Nouvelle note'" [edit]="edit">
      <form [formGroup]="form" (ngSubmit)="edit.save()"><input formControlName="title" /></form>
    </app-record-form-frame>
  `,
})
class Host {
  readonly id = input<string>();
  readonly api = new FakeApi();
  readonly form = inject(NonNullableFormBuilder).group({ title: ['', Validators.required] });
  readonly edit = editWithVersion({
    id: this.id,
    form: this.form,
    api: this.api,
    fill: (note: Note) => this.form.patchValue({ title: note.title }),
    body: () => ({ title: this.form.getRawValue().title.trim() }),
    opened: (id) => ['/notes', id],
    words: { notFound: 'Cette note n’existe pas.', notLoaded: 'La note n’a pas pu être chargée.', conflict: 'Cette note a été modifiée entre-temps.' },
  });
}

describe('editWithVersion', () => {
  let fixture: ComponentFixture<Host>;
  let host: Host;
  let element: HTMLElement;
  let navigate: jasmine.Spy;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    navigate = spyOn(TestBed.inject(Router), 'navigate').and.resolveTo(true);
    fixture = TestBed.createComponent(Host);
    host = fixture.componentInstance;
    element = fixture.nativeElement as HTMLElement;
  });

  async function render() {
    await settle();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  function submit() {
    element.querySelector('form')!.dispatchEvent(new Event('submit'));
  }

  function typeTitle(text: string) {
    const input = element.querySelector('input')!;
    input.value = text;
    input.dispatchEvent(new Event('input'));
  }

  it('creates a record when there is no id, then opens it', async () => {
    fixture.detectChanges();
    await render();
    expect(element.querySelector('h1')?.textContent).toBe('Nouvelle note');
    typeTitle(' Jumelage ');
    submit();
    await render();
    expect(host.api.calls).toEqual([['create', { title: 'Jumelage' }]]);
    expect(navigate).toHaveBeenCalledWith(['/notes', 4]);
  });

  it('reads the record, then saves it with the version it was read at', async () => {
    fixture.componentRef.setInput('id', '4');
    fixture.detectChanges();
    await render();
    expect(element.querySelector('h1')?.textContent).toBe('Modifier la note');
    expect(element.querySelector('input')?.value).toBe('Jumelage avec Brühl');
    typeTitle('Jumelage avec Brühl (2027)');
    submit();
    await render();
    expect(host.api.calls).toEqual([['get', 4], ['update', 4, { title: 'Jumelage avec Brühl (2027)', version: 2 }]]);
    expect(navigate).toHaveBeenCalledWith(['/notes', 4]);
  });

  it('on a version conflict, says so, keeps what was typed, and saves it again on top of the current version', async () => {
    fixture.componentRef.setInput('id', '4');
    fixture.detectChanges();
    await render();
    typeTitle('Ma version');
    host.api.answer = () => Promise.reject(new ApiProblem(409, 'version_conflict', 'Conflit', undefined, [], null, { current: { id: 4, version: 3, title: 'Leur version' } }));
    submit();
    await render();
    expect(element.querySelector('.conflict[role="alert"]')?.textContent).toContain('Cette note a été modifiée entre-temps.');
    expect(document.activeElement).withContext('the panel is brought into view').toBe(element.querySelector<HTMLElement>('.conflict'));
    expect(element.querySelector('input')?.value).toBe('Ma version');
    expect(host.edit.base()?.version).toBe(3);
    expect(navigate).not.toHaveBeenCalled();

    host.api.answer = async () => ({ id: 4, version: 4, title: 'Ma version' });
    submit();
    await render();
    expect(host.api.calls.at(-1)).toEqual(['update', 4, { title: 'Ma version', version: 3 }]);
    expect(element.querySelector('.conflict')).toBeNull();
    expect(navigate).toHaveBeenCalledWith(['/notes', 4]);
  });

  it('sends nothing while the form is invalid, and says what to do', async () => {
    fixture.detectChanges();
    await render();
    submit();
    await render();
    expect(host.api.calls).toEqual([]);
    expect(host.form.controls.title.touched).toBeTrue();
    expect(element.querySelector('.error-message[role="alert"]')?.textContent).toContain('Certains champs sont à compléter ou à corriger.');
    expect(document.activeElement).withContext('the message is brought into view').toBe(element.querySelector<HTMLElement>('.error-message'));
  });

  it('puts the server’s errors on the fields, and shows the others above the form', async () => {
    fixture.detectChanges();
    await render();
    typeTitle('Jumelage');
    host.api.answer = () =>
      Promise.reject(new ApiProblem(400, 'validation_failed', 'Données invalides', undefined, [{ path: 'title', message: 'Ce titre est déjà pris.' }, { path: 'owner', message: 'Référent inconnu.' }]));
    submit();
    await render();
    expect(host.form.controls.title.errors).toEqual({ server: 'Ce titre est déjà pris.' });
    expect(host.edit.formErrors()).toEqual(['Référent inconnu.']);
    expect(element.querySelector('input')?.value).toBe('Jumelage');

    typeTitle('Jumelage 2027');
    host.api.answer = () => Promise.reject(new ApiProblem(503, 'unavailable', 'Service indisponible', 'Réessayez dans un instant.'));
    submit();
    await render();
    expect(host.edit.formErrors()).toEqual(['Réessayez dans un instant.']);
  });

  it('says when the record does not exist, instead of the form', async () => {
    host.api.answer = () => Promise.reject(new ApiProblem(404, 'not_found', 'Introuvable'));
    fixture.componentRef.setInput('id', '99');
    fixture.detectChanges();
    await render();
    expect(element.querySelector('[role="alert"]')?.textContent).toBe('Cette note n’existe pas.');
    expect(element.querySelector('form')).toBeNull();
  });
});
