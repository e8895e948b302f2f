import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { AssigneeList, CalendarFeedCreated, CalendarFeedStatus, FollowUpCreate, FollowUpPage, FollowUpUpdate, FollowUpView } from '@api/follow-ups/follow-ups.schema';
import type { HomePage } from '@api/home/home.schema';
import type { InteractionCreate, InteractionPage, InteractionUpdate, InteractionView, TimelinePage } from '@api/interactions/interactions.schema';
import { partnerListParams } from '../partners/partners-api';

export type InteractionFilters = {
  q?: string;
  partner?: string[];
  contact?: string[];
  type?: string[];
  objective?: string[];
  participant?: string[];
  from?: string;
  to?: string;
  deleted?: boolean;
  sort?: string;
  cursor?: string;
  limit?: number;
};

export type FollowUpFilters = { assignee?: string[]; status?: string[]; partner?: string[]; contact?: string[]; cursor?: string; limit?: number; sort?: string };

export type TimelineFilters = { kind?: string[]; type?: string[]; cursor?: string; limit?: number };

/** The calls of interactions, follow-ups, timelines, the home page and the calendar feed. */
@Injectable({ providedIn: 'root' })
export class InteractionsApi {
  private readonly http = inject(HttpClient);

  list(filters: InteractionFilters): Promise<InteractionPage> {
    return firstValueFrom(this.http.get<InteractionPage>('/api/v1/interactions', { params: partnerListParams(filters) }));
  }

  get(id: number): Promise<InteractionView> {
    return firstValueFrom(this.http.get<InteractionView>(`/api/v1/interactions/${id}`));
  }

  create(body: InteractionCreate): Promise<InteractionView> {
    return firstValueFrom(this.http.post<InteractionView>('/api/v1/interactions', body));
  }

  update(id: number, body: InteractionUpdate): Promise<InteractionView> {
    return firstValueFrom(this.http.patch<InteractionView>(`/api/v1/interactions/${id}`, body));
  }

  delete(id: number): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/v1/interactions/${id}`));
  }

  restore(id: number): Promise<InteractionView> {
    return firstValueFrom(this.http.post<InteractionView>(`/api/v1/interactions/${id}/restore`, null));
  }

  followUps(filters: FollowUpFilters): Promise<FollowUpPage> {
    return firstValueFrom(this.http.get<FollowUpPage>('/api/v1/follow-ups', { params: partnerListParams(filters) }));
  }

  createFollowUp(body: FollowUpCreate): Promise<FollowUpView> {
    return firstValueFrom(this.http.post<FollowUpView>('/api/v1/follow-ups', body));
  }

  updateFollowUp(id: number, body: FollowUpUpdate): Promise<FollowUpView> {
    return firstValueFrom(this.http.patch<FollowUpView>(`/api/v1/follow-ups/${id}`, body));
  }

  assignees(): Promise<AssigneeList> {
    return firstValueFrom(this.http.get<AssigneeList>('/api/v1/follow-ups/assignees'));
  }

  timeline(subject: 'partners' | 'contacts', id: number, filters: TimelineFilters): Promise<TimelinePage> {
    return firstValueFrom(this.http.get<TimelinePage>(`/api/v1/${subject}/${id}/timeline`, { params: partnerListParams(filters) }));
  }

  home(params: { quietMonths?: number } = {}): Promise<HomePage> {
    let query = new HttpParams();
    if (params.quietMonths) query = query.set('quietMonths', params.quietMonths);
    return firstValueFrom(this.http.get<HomePage>('/api/v1/home', { params: query }));
  }

  calendarFeed(): Promise<CalendarFeedStatus> {
    return firstValueFrom(this.http.get<CalendarFeedStatus>('/api/v1/account/calendar-feed'));
  }

  createCalendarFeed(): Promise<CalendarFeedCreated> {
    return firstValueFrom(this.http.post<CalendarFeedCreated>('/api/v1/account/calendar-feed', null));
  }

  revokeCalendarFeed(): Promise<void> {
    return firstValueFrom(this.http.delete<void>('/api/v1/account/calendar-feed'));
  }
}
