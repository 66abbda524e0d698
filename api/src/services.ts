import type { Config } from './config.js';
import type { Db } from './db/client.js';
import { AgreementsService } from './modules/agreements/agreements.service.js';
import { AbsencesService } from './modules/agreements/absences.service.js';
import { SupervisionsService } from './modules/agreements/supervisions.service.js';
import { ApiClientsService } from './modules/api-clients/api-clients.service.js';
import { AuditService } from './modules/audit/audit.service.js';
import { AuthService } from './modules/auth/auth.service.js';
import { DoctorsService } from './modules/doctors/doctors.service.js';
import { EventsService } from './modules/events/events.service.js';
import { WebhooksService } from './modules/webhooks/webhooks.service.js';
import { DigestsService } from './modules/digests/digests.service.js';
import { WorklistService } from './modules/worklist/worklist.service.js';
import { GrantApplicationsService } from './modules/grants/grant-applications.service.js';
import { GrantSchemesService } from './modules/grants/grant-schemes.service.js';
import { ImportsService } from './modules/imports/imports.service.js';
import { MunicipalitiesService } from './modules/municipalities/municipalities.service.js';
import { OAuthService } from './modules/oauth/oauth.service.js';
import { ReferenceService } from './modules/reference/reference.service.js';
import { RegistrationsService } from './modules/registrations/registrations.service.js';
import { SupervisorsService } from './modules/supervisors/supervisors.service.js';
import { UsersService } from './modules/users/users.service.js';
import { CoursesService } from './modules/courses/courses.service.js';
import { FollowUpsService } from './modules/follow-ups/follow-ups.service.js';
import { ReportsService } from './modules/reports/reports.service.js';
import type { AccessTokens } from './plugins/auth.js';
import type { SharedRateLimiter } from './plugins/rate-limit.js';
import type { Sealer } from './lib/sealed.js';
import { PageCache } from './lib/page-cache.js';

/** Lets the instance that revoked access stop the tokens at once (the others poll). */
export interface RevocationListener {
  userChanged(id: string, tokenVersion: number): void;
  sessionEnded(sessionId: string): void;
  clientRevoked(clientId: string): void;
}

/** Everything a service may depend on; each service takes the whole set and uses what it needs. */
export interface ServiceDeps {
  db: Db;
  config: Readonly<Config>;
  accessTokens: AccessTokens;
  revocations: RevocationListener;
  limiter: SharedRateLimiter;
  /** Seals webhooks' signing secrets (they are read back to sign each delivery). */
  webhookSecrets: Sealer;
}

/** The one place services are built and wired; routes reach them as `app.services`. */
export function createServices(deps: ServiceDeps) {
  return {
    auth: new AuthService(deps),
    oauth: new OAuthService(deps),
    users: new UsersService(deps),
    apiClients: new ApiClientsService(deps),
    reference: new ReferenceService(deps),
    municipalities: new MunicipalitiesService(deps),
    registrations: new RegistrationsService(deps),
    doctors: new DoctorsService(deps),
    supervisors: new SupervisorsService(deps),
    agreements: new AgreementsService(deps),
    absences: new AbsencesService(deps),
    supervisions: new SupervisionsService(deps),
    audit: new AuditService(deps),
    events: new EventsService(deps),
    webhooks: new WebhooksService(deps),
    worklist: new WorklistService(deps),
    digests: new DigestsService(deps),
    grantSchemes: new GrantSchemesService(deps),
    grantApplications: new GrantApplicationsService(deps),
    courses: new CoursesService(deps),
    followUps: new FollowUpsService(deps),
    imports: new ImportsService(deps),
    reports: new ReportsService(deps),
    pages: new PageCache(deps),
  };
}
export type Services = ReturnType<typeof createServices>;
