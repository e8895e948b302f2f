import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';

export type Country = { code: string; name: string };

/** The ISO 3166-1 countries with their French names, as the server knows them; loaded once. */
@Injectable({ providedIn: 'root' })
export class Countries {
  private readonly http = inject(HttpClient);
  private readonly list = signal<Country[]>([]);
  private requested = false;

  readonly all = this.list.asReadonly();
  private readonly byCode = computed(() => new Map(this.list().map((country) => [country.code, country.name])));

  load(): void {
    if (this.requested) return;
    this.requested = true;
    this.http.get<{ items: Country[] }>('/api/v1/countries').subscribe({
      next: (response) => this.list.set(response.items),
      error: () => (this.requested = false),
    });
  }

  name(code: string | null | undefined): string {
    if (!code) return '';
    return this.byCode().get(code) ?? code;
  }
}
