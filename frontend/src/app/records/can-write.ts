import { computed, inject } from '@angular/core';
import { Auth } from '../core/auth';

/** Whether the signed-in user keeps the records (officers and administrators); the cabinet reads them. */
export function canWriteRecords() {
  const auth = inject(Auth);
  return computed(() => ['admin', 'officer'].includes(auth.user()?.role ?? ''));
}

/** Whether the signed-in user prepares visits: the mayor's office does, with the officers and administrators. */
export function canWriteVisits() {
  const auth = inject(Auth);
  return computed(() => ['admin', 'officer', 'cabinet'].includes(auth.user()?.role ?? ''));
}
