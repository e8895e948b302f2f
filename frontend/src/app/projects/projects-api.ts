import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { HistoryPage } from '@api/common/fields.schema';
import type { DueMilestoneList, ProjectCreate, ProjectPage, ProjectUpdate, ProjectView } from '@api/projects/projects.schema';
import { listParams } from '../visits/visits-api';

export const projectsUrl = '/api/v1/projects';

export type ProjectFilters = { q?: string; kind?: string[]; status?: string[]; partner?: string[]; objective?: string[]; sort?: string; cursor?: string; limit?: number };

@Injectable({ providedIn: 'root' })
export class ProjectsApi {
  private readonly http = inject(HttpClient);

  list(filters: ProjectFilters): Promise<ProjectPage> {
    return firstValueFrom(this.http.get<ProjectPage>(projectsUrl, { params: listParams(filters) }));
  }

  get(id: number): Promise<ProjectView> {
    return firstValueFrom(this.http.get<ProjectView>(`${projectsUrl}/${id}`));
  }

  create(body: ProjectCreate): Promise<ProjectView> {
    return firstValueFrom(this.http.post<ProjectView>(projectsUrl, body));
  }

  update(id: number, body: ProjectUpdate): Promise<ProjectView> {
    return firstValueFrom(this.http.patch<ProjectView>(`${projectsUrl}/${id}`, body));
  }

  delete(id: number): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`${projectsUrl}/${id}`));
  }

  restore(id: number): Promise<ProjectView> {
    return firstValueFrom(this.http.post<ProjectView>(`${projectsUrl}/${id}/restore`, null));
  }

  history(id: number, cursor?: string): Promise<HistoryPage> {
    return firstValueFrom(this.http.get<HistoryPage>(`${projectsUrl}/${id}/history`, { params: listParams({ cursor }) }));
  }

  dueMilestones(days = 30): Promise<DueMilestoneList> {
    return firstValueFrom(this.http.get<DueMilestoneList>('/api/v1/milestones/due', { params: listParams({ days }) }));
  }
}
