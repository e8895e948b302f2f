import { Component, input } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { ApiProblem } from '../core/api-problem';
import { settle } from '../testing/api-fixtures';
import { recordPage } from './record-page';

type Note = { id: number; title: string };

@Component({ selector: 'app-record-page-host', template: '' })
class Host {
  readonly id = input.required<string>();
  readonly reads: number[] = [];
  answer: (id: number) => Promise<Note> = async (id) => ({ id, title: `Note ${id}` });
  readonly page = recordPage({
    id: this.id,
    get: (id) => {
      this.reads.push(id);
      return this.answer(id);
    },
    name: (note) => note.title,
    words: { notFound: 'Cette note n’existe pas.', forbidden: 'Votre rôle ne donne pas accès aux notes.', notLoaded: 'La note n’a pas pu être chargée.' },
  });
}

describe('recordPage', () => {
  let fixture: ComponentFixture<Host>;
  let host: Host;

  beforeEach(() => {
    fixture = TestBed.createComponent(Host);
    host = fixture.componentInstance;
  });

  async function open(id: string) {
    fixture.componentRef.setInput('id', id);
    fixture.detectChanges();
    await settle();
  }

  it('reads the record of the id, names the tab after it, and reads again when the id changes', async () => {
    await open('4');
    expect(host.page.record()).toEqual({ id: 4, title: 'Note 4' });
    expect(TestBed.inject(Title).getTitle()).toBe('Note 4 · Passerelles');
    expect(host.page.revision()).toBe(1);

    await open('5');
    expect(host.reads).toEqual([4, 5]);
    expect(host.page.record()).toEqual({ id: 5, title: 'Note 5' });
    expect(host.page.revision()).toBe(2);
  });

  for (const [status, message] of [
    [404, 'Cette note n’existe pas.'],
    [403, 'Votre rôle ne donne pas accès aux notes.'],
    [500, 'La note n’a pas pu être chargée.'],
  ] as const) {
    it(`says in French why the record could not be read (${status})`, async () => {
      host.answer = () => Promise.reject(new ApiProblem(status, 'problem', 'Problème'));
      await open('4');
      expect(host.page.error()).toBe(message);
      expect(host.page.record()).toBeNull();
    });
  }

  it('after an action, says it was done and reads the record again, for the history to follow', async () => {
    await open('4');
    host.answer = async (id) => ({ id, title: 'Note 4 (restaurée)' });
    await host.page.act(async () => undefined, 'La note a été restaurée.');
    expect(host.page.message()).toBe('La note a été restaurée.');
    expect(host.page.actionError()).toBeNull();
    expect(host.page.record()?.title).toBe('Note 4 (restaurée)');
    expect(host.page.revision()).toBe(2);
  });

  it('after a failed action, says why and still reads the record again', async () => {
    await open('4');
    await host.page.act(() => Promise.reject(new ApiProblem(409, 'conflict', 'Conflit', 'La note a changé entre-temps.')), 'La note a été supprimée.');
    expect(host.page.actionError()).toBe('La note a changé entre-temps.');
    expect(host.page.message()).toBeNull();
    expect(host.reads).toEqual([4, 4]);

    await host.page.act(async () => undefined, 'La note a été supprimée.');
    expect(host.page.actionError()).toBeNull();
  });
});
