import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideFrenchLocale } from '../core/locale';
import { problemInterceptor } from '../core/problem-interceptor';
import { problem, settle } from '../testing/api-fixtures';
import { followUp } from './follow-up-groups.spec';
import { localToday } from './follow-up-groups';
import { MyFollowUpsPage } from './my-follow-ups-page';

function dayFromToday(offset: number) {
  const date = new Date();
  date.setDate(date.getDate() + offset);
  return localToday(date);
}

describe('MyFollowUpsPage', () => {
  let fixture: ComponentFixture<MyFollowUpsPage>;
  let http: HttpTestingController;
  const late = followUp(1, dayFromToday(-3), { title: 'Relancer Brühl', overdue: true, version: 2 });
  const now = followUp(2, dayFromToday(0), { title: 'Envoyer le programme' });
  const soon = followUp(3, dayFromToday(40), { title: 'Préparer la visite' });

  async function open(items = [late, now, soon]) {
    TestBed.configureTestingModule({
      imports: [MyFollowUpsPage],
      providers: [provideRouter([]), provideHttpClient(withInterceptors([problemInterceptor])), provideHttpClientTesting(), provideFrenchLocale()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(MyFollowUpsPage);
    fixture.detectChanges();
    await settle();
    http.expectOne('/api/v1/follow-ups/assignees').flush({ items: [{ id: 7, displayName: 'Claire Martin', role: 'officer' }, { id: 8, displayName: 'Paul Martin', role: 'officer' }] });
    const list = http.expectOne((request) => request.url === '/api/v1/follow-ups');
    expect(list.request.params.getAll('assignee')).toEqual(['me']);
    expect(list.request.params.getAll('status')).toEqual(['open']);
    list.flush({ items, nextCursor: null });
    await settle();
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  afterEach(() => http.verify());

  it('shows my follow-ups grouped, overdue first and standing out', async () => {
    const page = await open();
    const headings = Array.from(page.querySelectorAll('h2'), (heading) => heading.textContent?.replace(/\s+/g, ' ').trim());
    expect(headings).toEqual(['En retard (1)', 'Aujourd’hui (1)', 'Plus tard (1)']);
    const overdue = page.querySelector('#suivi-1')!;
    expect(overdue.classList).toContain('overdue');
    expect(overdue.textContent).toContain('En retard');
    expect(page.querySelector('#suivi-2')!.classList).not.toContain('overdue');
    const [year, month, day] = late.dueOn.split('-');
    expect(overdue.textContent).toContain(`échéance le ${day}/${month}/${year}`);
  });

  it('completes a follow-up with the version it read, and takes it off the list', async () => {
    const page = await open();
    page.querySelector<HTMLButtonElement>('#suivi-1 button')!.click();
    await settle();
    const patch = http.expectOne({ method: 'PATCH', url: '/api/v1/follow-ups/1' });
    expect(patch.request.body).toEqual({ status: 'done', version: 2 });
    patch.flush({ ...late, status: 'done', overdue: false, version: 3 });
    await settle();
    fixture.detectChanges();
    expect(page.querySelector('#suivi-1')).toBeNull();
    expect(page.querySelector('[role="status"]')?.textContent).toContain('« Relancer Brühl » est fait.');
  });

  it('says when someone changed the follow-up meanwhile, and reloads the list', async () => {
    const page = await open();
    page.querySelector<HTMLButtonElement>('#suivi-1 button')!.click();
    await settle();
    http.expectOne('/api/v1/follow-ups/1').flush({ ...problem(409, 'version_conflict', 'Conflit', 'Modifié'), current: late }, { status: 409, statusText: 'Conflict' });
    await settle();
    http.expectOne((request) => request.url === '/api/v1/follow-ups').flush({ items: [now], nextCursor: null });
    await settle();
    fixture.detectChanges();
    expect(page.querySelector('[role="alert"]')?.textContent).toContain('modifié entre-temps');
    expect(page.querySelector('#suivi-1')).toBeNull();
  });

  it('reassigns a follow-up to a colleague: it leaves my list', async () => {
    const page = await open();
    const component = fixture.componentInstance as unknown as { startEditing(item: unknown): void; setEditing(changes: unknown): void; saveEditing(item: unknown): Promise<void> };
    component.startEditing(soon);
    component.setEditing({ assigneeUserId: 8 });
    const saving = component.saveEditing(soon);
    await settle();
    const patch = http.expectOne('/api/v1/follow-ups/3');
    expect(patch.request.body).toEqual({ assigneeUserId: 8, version: 0 });
    patch.flush({ ...soon, assignee: { id: 8, displayName: 'Paul Martin' }, version: 1 });
    await saving;
    fixture.detectChanges();
    expect(page.querySelector('#suivi-3')).toBeNull();
    expect(page.querySelector('[role="status"]')?.textContent).toContain('confié à Paul Martin');
  });

  it('says so when nothing is left to do', async () => {
    const page = await open([]);
    expect(page.textContent).toContain('Aucun suivi en cours');
  });
});
