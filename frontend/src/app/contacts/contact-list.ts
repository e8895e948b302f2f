import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { ExportMenu } from '../data/export-menu';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelect } from '@angular/material/select';
import { MatSort, MatSortHeader } from '@angular/material/sort';
import {
  MatCell,
  MatCellDef,
  MatColumnDef,
  MatHeaderCell,
  MatHeaderCellDef,
  MatHeaderRow,
  MatHeaderRowDef,
  MatRow,
  MatRowDef,
  MatTable,
} from '@angular/material/table';
import { type ParamMap, RouterLink } from '@angular/router';
import type { ContactListItem } from '@api/contacts/contacts.schema';
import type { PartnerListItem } from '@api/partners/partners.schema';
import { PartnerPicker } from '../partners/partner-picker';
import { PartnersApi } from '../partners/partners-api';
import { canWriteRecords } from '../records/can-write';
import { Countries } from '../records/countries';
import { type FilterChip, FilterChips } from '../records/filter-chips';
import { languageLabel } from '../records/labels';
import { ListPager } from '../records/list-pager';
import { listInUrl, sortInUrl } from '../records/page-loader';
import { commonLanguages } from './contact-form';
import { type ContactFilters, ContactsApi } from './contacts-api';

const multiParams = ['partner', 'language', 'country'] as const;

export function contactFiltersFrom(params: ParamMap): ContactFilters {
  const filters: ContactFilters = {};
  for (const key of ['q', 'role', 'sort', 'cursor'] as const) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  for (const param of multiParams) {
    const values = params.getAll(param).filter(Boolean);
    if (values.length) filters[param] = values;
  }
  if (params.get('deleted') === 'true') filters.deleted = true;
  return filters;
}

/** The contacts, filtered by partner, role, language and country, paged; the state lives in the URL. */
@Component({
  selector: 'app-contact-list',
  imports: [
    ExportMenu,
    FilterChips,
    ListPager,
    MatButton,
    MatCell,
    MatCellDef,
    MatCheckbox,
    MatColumnDef,
    MatFormField,
    MatHeaderCell,
    MatHeaderCellDef,
    MatHeaderRow,
    MatHeaderRowDef,
    MatInput,
    MatLabel,
    MatOption,
    MatProgressBar,
    MatRow,
    MatRowDef,
    MatSelect,
    MatSort,
    MatSortHeader,
    MatTable,
    PartnerPicker,
    RouterLink,
  ],
  templateUrl: './contact-list.html',
  styleUrl: '../partners/partner-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContactList {
  private readonly api = inject(ContactsApi);
  private readonly partnersApi = inject(PartnersApi);
  protected readonly countries = inject(Countries);
  protected readonly canWrite = canWriteRecords();
  protected readonly languageLabel = languageLabel;
  protected readonly languages = commonLanguages;

  protected readonly list = listInUrl(contactFiltersFrom, (filters) => this.api.list(filters));
  protected readonly filters = this.list.filters;
  protected readonly trash = computed(() => this.filters().deleted === true);
  protected readonly sorting = sortInUrl(this.list, 'name');
  private readonly partnerNames = signal<Record<string, string>>({});
  protected readonly columns = ['name', 'jobTitle', 'affiliations', 'country', 'languages', 'emails'];

  protected readonly chips = computed<FilterChip[]>(() => {
    const filters = this.filters();
    const chips: FilterChip[] = [];
    if (filters.q) chips.push({ param: 'q', value: filters.q, label: `Texte : ${filters.q}` });
    if (filters.role) chips.push({ param: 'role', value: filters.role, label: `Rôle : ${filters.role}` });
    for (const value of filters.partner ?? []) chips.push({ param: 'partner', value, label: `Partenaire : ${this.partnerNames()[value] ?? value}` });
    for (const value of filters.language ?? []) chips.push({ param: 'language', value, label: `Langue : ${languageLabel(value)}` });
    for (const value of filters.country ?? []) chips.push({ param: 'country', value, label: `Pays : ${this.countries.name(value)}` });
    return chips;
  });

  constructor() {
    this.countries.load();
    effect(() => {
      for (const id of this.filters().partner ?? []) {
        if (!(id in this.partnerNames())) {
          void this.partnersApi.get(Number(id)).then(
            (partner) => this.partnerNames.update((names) => ({ ...names, [id]: partner.name })),
            () => undefined,
          );
        }
      }
    });
  }

  protected search(text: string): void {
    this.list.navigate({ q: text.trim() || null });
  }

  protected setRole(text: string): void {
    this.list.navigate({ role: text.trim() || null });
  }

  protected setMulti(param: (typeof multiParams)[number], values: string[]): void {
    this.list.navigate({ [param]: values.length ? values : null });
  }

  protected pickPartner(partner: PartnerListItem | null): void {
    if (!partner) return;
    this.partnerNames.update((names) => ({ ...names, [String(partner.id)]: partner.name }));
    this.setMulti('partner', [...new Set([...(this.filters().partner ?? []), String(partner.id)])]);
  }

  protected removeChip(chip: FilterChip): void {
    if (chip.param === 'q' || chip.param === 'role') return this.list.navigate({ [chip.param]: null });
    const param = chip.param as (typeof multiParams)[number];
    this.setMulti(param, (this.filters()[param] ?? []).filter((value) => value !== chip.value));
  }

  protected clearFilters(): void {
    this.list.navigate({ q: null, role: null, partner: null, language: null, country: null });
  }

  protected setTrash(trash: boolean): void {
    this.list.navigate({ deleted: trash ? 'true' : null });
  }

  protected currentAffiliations(contact: ContactListItem): string {
    return contact.affiliations
      .filter((affiliation) => !affiliation.endedOn)
      .map((affiliation) => (affiliation.role ? `${affiliation.role}, ${affiliation.partner.name}` : affiliation.partner.name))
      .join(' ; ');
  }
}
