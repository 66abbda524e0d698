import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Total } from '@alis/shared';
import type { ChangesOf, Executor } from '../../db/client.js';
import { ONE, totalOf } from '../../lib/list.js';
import { apiClients, municipalities, registrationTransitions, registrations, users } from '../../db/schema.js';
import type { MunicipalityScope } from '../../lib/scope.js';

const columns = {
  id: registrations.id,
  kommunenummer: registrations.kommunenummer,
  specialty: registrations.specialty,
  status: registrations.status,
  responsibleName: registrations.responsibleName,
  responsibleEmail: registrations.responsibleEmail,
  educationPlanUrl: registrations.educationPlanUrl,
  supervisionArrangement: registrations.supervisionArrangement,
  learningArenas: registrations.learningArenas,
  applicationDate: registrations.applicationDate,
  decisionDate: registrations.decisionDate,
  registeredFrom: registrations.registeredFrom,
  decisionReference: registrations.decisionReference,
  notes: registrations.notes,
  version: registrations.version,
  updatedAt: registrations.updatedAt,
};

export type RegistrationRow = Omit<typeof registrations.$inferSelect, 'createdAt'>;

/** The fields a save or a transition may set; id, keys, version and timestamps are the repo's. */
export type RegistrationChanges = ChangesOf<
  typeof registrations,
  'status' | 'responsibleName' | 'responsibleEmail' | 'educationPlanUrl' | 'supervisionArrangement' | 'learningArenas' |
  'applicationDate' | 'decisionDate' | 'registeredFrom' | 'decisionReference' | 'notes'
>;

export interface TransitionInsert {
  registrationId: string;
  fromStatus: string;
  toStatus: string;
  date: string;
  note: string | null;
  actorType: 'user' | 'client' | 'system';
  actorId: string | null;
}

export type HistoryRow = Omit<TransitionInsert, 'registrationId'> & { id: bigint; actorName: string | null; occurredAt: Date };

const inScope = (scope: MunicipalityScope) =>
  and(
    scope.officeCode === null ? undefined : eq(municipalities.officeCode, scope.officeCode),
    scope.kommunenummer === null ? undefined : eq(municipalities.kommunenummer, scope.kommunenummer),
  );

const ofMunicipality = (kommunenummer: string, specialty: string) =>
  and(eq(registrations.kommunenummer, kommunenummer), eq(registrations.specialty, specialty));

export const registrationsRepo = {
  /**
   * The municipality, if it exists and is in scope, with its registration of the specialty (null
   * when none was saved yet): one round trip for the read path.
   */
  async getWithMunicipality(
    db: Executor,
    kommunenummer: string,
    specialty: string,
    scope: MunicipalityScope,
  ): Promise<{ kommunenummer: string; registration: RegistrationRow | null } | undefined> {
    const [row] = await db
      .select({ kommunenummer: municipalities.kommunenummer, registration: columns })
      .from(municipalities)
      .leftJoin(registrations, and(eq(registrations.kommunenummer, municipalities.kommunenummer), eq(registrations.specialty, specialty)))
      .where(and(eq(municipalities.kommunenummer, kommunenummer), inScope(scope)));
    return row;
  },

  async municipalityInScope(db: Executor, kommunenummer: string, scope: MunicipalityScope): Promise<boolean> {
    const [row] = await db
      .select({ kommunenummer: municipalities.kommunenummer })
      .from(municipalities)
      .where(and(eq(municipalities.kommunenummer, kommunenummer), inScope(scope)));
    return row !== undefined;
  },

  async getForUpdate(tx: Executor, kommunenummer: string, specialty: string): Promise<RegistrationRow | undefined> {
    const [row] = await tx.select(columns).from(registrations).where(ofMunicipality(kommunenummer, specialty)).for('update');
    return row;
  },

  /** Undefined when another transaction inserted the same municipality and specialty first. */
  async insert(tx: Executor, kommunenummer: string, specialty: string, values: RegistrationChanges): Promise<RegistrationRow | undefined> {
    const [row] = await tx
      .insert(registrations)
      .values({ ...values, kommunenummer, specialty, version: 1 })
      .onConflictDoNothing({ target: [registrations.kommunenummer, registrations.specialty] })
      .returning(columns);
    return row;
  },

  async update(tx: Executor, id: string, changes: RegistrationChanges): Promise<RegistrationRow> {
    const [row] = await tx
      .update(registrations)
      .set({ ...changes, version: sql`${registrations.version} + 1`, updatedAt: sql`now()` })
      .where(eq(registrations.id, id))
      .returning(columns);
    if (!row) throw new Error(`registration ${id} vanished during an update`);
    return row;
  },

  async insertTransition(tx: Executor, values: TransitionInsert): Promise<void> {
    await tx.insert(registrationTransitions).values(values);
  },

  /** Newest first, with the actor's name from users or API clients: one query, no lookups per row. */
  /** The date of the latest change, and the date the current round's preparation began (latest `→ preparing`). */
  async timeline(db: Executor, kommunenummer: string, specialty: string): Promise<{ lastDate: string | null; preparedOn: string | null }> {
    const rows = await db
      .select({ toStatus: registrationTransitions.toStatus, date: registrationTransitions.date })
      .from(registrationTransitions)
      .innerJoin(registrations, eq(registrations.id, registrationTransitions.registrationId))
      .where(ofMunicipality(kommunenummer, specialty))
      .orderBy(desc(registrationTransitions.id));
    return { lastDate: rows[0]?.date ?? null, preparedOn: rows.find((row) => row.toStatus === 'preparing')?.date ?? null };
  },

  historyTotal(db: Executor, kommunenummer: string, specialty: string): Promise<Total> {
    return totalOf(
      db,
      'registration_history_total',
      (bind) =>
        db
          .select({ one: ONE })
          .from(registrationTransitions)
          .innerJoin(registrations, eq(registrations.id, registrationTransitions.registrationId))
          .where(and(eq(registrations.kommunenummer, bind('kommunenummer')), eq(registrations.specialty, bind('specialty'))))
          .$dynamic(),
      { kommunenummer, specialty },
    );
  },

  async history(db: Executor, kommunenummer: string, specialty: string, beforeId: bigint | undefined, limit: number): Promise<HistoryRow[]> {
    return db
      .select({
        id: registrationTransitions.id,
        fromStatus: registrationTransitions.fromStatus,
        toStatus: registrationTransitions.toStatus,
        date: registrationTransitions.date,
        note: registrationTransitions.note,
        actorType: registrationTransitions.actorType,
        actorId: registrationTransitions.actorId,
        actorName: sql<string | null>`coalesce(${users.name}, ${apiClients.name})`,
        occurredAt: registrationTransitions.occurredAt,
      })
      .from(registrationTransitions)
      .innerJoin(registrations, eq(registrations.id, registrationTransitions.registrationId))
      .leftJoin(
        users,
        and(eq(registrationTransitions.actorType, 'user'), sql`${users.id}::text = ${registrationTransitions.actorId}`),
      )
      .leftJoin(
        apiClients,
        and(eq(registrationTransitions.actorType, 'client'), eq(apiClients.clientId, registrationTransitions.actorId)),
      )
      .where(and(ofMunicipality(kommunenummer, specialty), beforeId === undefined ? undefined : lt(registrationTransitions.id, beforeId)))
      .orderBy(desc(registrationTransitions.id))
      .limit(limit);
  },
};
