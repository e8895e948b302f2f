import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type {
  InvitationInfo,
  PortalAccount,
  PortalAccountList,
  PortalHome,
  PortalInvitationRequest,
  ProfileField,
  ProfileReview,
  ProfileUpdateList,
  ProfileUpdateRequest,
  ProfileUpdateStatus,
  ProfileUpdateView,
} from '@api/portal/portal.schema';

export const fieldLabels: Record<ProfileField, string> = {
  website: 'Site web',
  publicActivities: 'Activités',
  publicNeeds: 'Besoins',
  publicEvents: 'Événements organisés',
  publicEmail: 'E-mail de contact',
  publicPhone: 'Téléphone de contact',
  logo: 'Logo',
};

export const updateStatusLabels: Record<ProfileUpdateStatus, string> = {
  pending: 'En attente de relecture',
  accepted: 'Acceptée',
  partially_accepted: 'Acceptée en partie',
  rejected: 'Refusée',
};

export const accountStatusLabels: Record<PortalAccount['status'], string> = {
  invited: 'Invitation envoyée',
  expired: 'Invitation expirée',
  active: 'Accès actif',
  revoked: 'Accès retiré',
};

/** The association portal's calls: the association's own profile, invitations, the officers' review queue. */
@Injectable({ providedIn: 'root' })
export class PortalApi {
  private readonly http = inject(HttpClient);

  home(): Promise<PortalHome> {
    return firstValueFrom(this.http.get<PortalHome>('/api/v1/portal/profile'));
  }

  propose(body: ProfileUpdateRequest): Promise<ProfileUpdateView> {
    return firstValueFrom(this.http.post<ProfileUpdateView>('/api/v1/portal/profile-updates', body));
  }

  queue(status: 'pending' | 'reviewed'): Promise<ProfileUpdateList> {
    return firstValueFrom(this.http.get<ProfileUpdateList>('/api/v1/profile-updates', { params: new HttpParams().set('status', status) }));
  }

  review(id: number, body: ProfileReview): Promise<ProfileUpdateView> {
    return firstValueFrom(this.http.post<ProfileUpdateView>(`/api/v1/profile-updates/${id}/review`, body));
  }

  accounts(partnerId: number): Promise<PortalAccountList> {
    return firstValueFrom(this.http.get<PortalAccountList>(`/api/v1/partners/${partnerId}/portal-accounts`));
  }

  invite(partnerId: number, body: PortalInvitationRequest): Promise<PortalAccount> {
    return firstValueFrom(this.http.post<PortalAccount>(`/api/v1/partners/${partnerId}/portal-accounts`, body));
  }

  revoke(userId: number): Promise<void> {
    return firstValueFrom(this.http.post<void>(`/api/v1/portal-accounts/${userId}/revoke`, null));
  }

  invitation(token: string): Promise<InvitationInfo> {
    return firstValueFrom(this.http.get<InvitationInfo>(`/api/v1/invitations/${encodeURIComponent(token)}`));
  }

  acceptInvitation(token: string, password: string): Promise<{ email: string }> {
    return firstValueFrom(this.http.post<{ email: string }>(`/api/v1/invitations/${encodeURIComponent(token)}/accept`, { password }));
  }
}

/** A file as base64 (without the data: prefix), read in the browser. */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('lecture impossible'));
    reader.readAsDataURL(file);
  });
}
