import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { Type } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { provideFrenchLocale } from '../core/locale';
import { problemInterceptor } from '../core/problem-interceptor';
import { settle } from '../testing/api-fixtures';

/**
 * For the specs of a record's form (not part of the application): the form on a fake HTTP backend, with the
 * router's navigation caught, and the ways a person uses it. Call in a beforeEach.
 */
export function formSpec<C>(component: Type<C>) {
  TestBed.configureTestingModule({
    imports: [component],
    providers: [provideRouter([]), provideHttpClient(withInterceptors([problemInterceptor])), provideHttpClientTesting(), provideFrenchLocale()],
  });
  const http = TestBed.inject(HttpTestingController);
  const navigate = spyOn(TestBed.inject(Router), 'navigate').and.resolveTo(true);
  const fixture = TestBed.createComponent(component);
  const element = fixture.nativeElement as HTMLElement;
  const input = (name: string, index = 0) => element.querySelectorAll<HTMLInputElement>(`input[formcontrolname="${name}"]`)[index]!;
  return {
    fixture,
    http,
    element,
    navigate,
    /** Lets the pending answers land, then shows what they changed. */
    async render(): Promise<void> {
      await settle();
      await fixture.whenStable();
      fixture.detectChanges();
    },
    submit(): void {
      element.querySelector<HTMLFormElement>('form')!.dispatchEvent(new Event('submit'));
    },
    /** The index-th input bound to the control of that name. */
    input,
    /** Types into a field the way a user does, then leaves it. */
    type(name: string, text: string, index = 0): void {
      const field = input(name, index);
      field.value = text;
      field.dispatchEvent(new Event('input'));
      field.dispatchEvent(new Event('blur'));
      fixture.detectChanges();
    },
  };
}

export type FormSpec<C> = ReturnType<typeof formSpec<C>>;
