import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { AnnualReport, PlanOverview } from '@api/plan/plan.schema';
import { listParams } from '../visits/visits-api';

export const annualReportPdfUrl = (year: number) => `/api/v1/plan/annual-report/pdf?year=${year}`;

@Injectable({ providedIn: 'root' })
export class PlanApi {
  private readonly http = inject(HttpClient);

  objectives(query: { axis?: string; from?: string; to?: string }): Promise<PlanOverview> {
    return firstValueFrom(this.http.get<PlanOverview>('/api/v1/plan/objectives', { params: listParams(query) }));
  }

  annualReport(year: number): Promise<AnnualReport> {
    return firstValueFrom(this.http.get<AnnualReport>('/api/v1/plan/annual-report', { params: listParams({ year }) }));
  }
}
