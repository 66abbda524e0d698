import type { SessionUser } from '@alis/shared';

export function roleLabel(user: Pick<SessionUser, 'role' | 'officeCode'>): string {
  switch (user.role) {
    case 'admin':
      return 'Administrator';
    case 'office':
      return `ALIS-kontor ${user.officeCode ?? ''}`.trim();
    case 'directorate':
      return 'Helsedirektoratet';
  }
}
