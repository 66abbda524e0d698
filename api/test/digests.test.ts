import * as contract from '@alis/shared';
import { addMonths, addYears, todayInNorway } from '@alis/shared';
import { sql } from 'drizzle-orm';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './support/build-app.js';
import { admin, heroyClient, nordOffice, osloOffice, t, useCast } from './support/cast.js';
import { bodyOf } from './support/expect.js';
import { type Caller, expectProblem, http } from './support/factories.js';
import { createAgreement } from './support/grants.js';
import { waitFor } from './support/wait-for.js';

/**
 * The weekly digest (issue 14): a real SMTP server on 127.0.0.1 receives what the API sends; one
 * digest per user and week across instances, retried when the server refuses, resent with the same
 * Message-ID after a crash between the server's acceptance and the record of it.
 */
const received: ParsedMail[] = [];
let refuseNext = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, _session, callback) {
    if (refuseNext > 0) {
      refuseNext--;
      stream.resume();
      stream.on('end', () => callback(Object.assign(new Error('Mailbox busy, try later'), { responseCode: 451 })));
      return;
    }
    simpleParser(stream)
      .then((mail) => {
        received.push(mail);
        callback();
      })
      .catch(callback);
  },
});
const env: Record<string, string> = {
  JOBS_ENABLED: 'true',
  DIGEST_DISPATCH_INTERVAL_MS: '100',
  // Slow enough to see a failed attempt before its retry.
  DIGEST_RETRY_BASE_MS: '500',
  // Due from Monday 00:00: the test runs on any day at any hour.
  DIGEST_DUE_HOUR: '0',
  APP_URL: 'https://alis.example.no',
};
beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const address = smtp.server.address();
  env.SMTP_URL = `smtp://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));
useCast(env);

const mailTo = (caller: { email: string }) => received.filter((mail) => mail.to && !Array.isArray(mail.to) && mail.to.value[0]?.address === caller.email);
const setDigest = (caller: Caller, weeklyDigest: boolean) => http(t).put('/api/v1/me/weekly-digest').set(caller.auth).send({ weeklyDigest });
const deliveries = async (caller: Caller) => bodyOf(await http(t).get('/api/v1/digests').set(caller.auth).expect(200), contract.pageOf(contract.digestDelivery)).items;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the weekly digest', () => {
  it('is asked for by an office user for themselves, and by no one else', async () => {
    expect(bodyOf(await http(t).get('/api/v1/me/weekly-digest').set(nordOffice.auth).expect(200), contract.digestSubscription)).toEqual({
      weeklyDigest: false,
      email: nordOffice.email,
    });
    expectProblem(await setDigest(admin, true), 403, 'forbidden');
    expectProblem(await setDigest(heroyClient, true), 403, 'forbidden');
    expectProblem(await http(t).put('/api/v1/me/weekly-digest').set(nordOffice.auth).send({ weeklyDigest: 'yes' }), 400, 'validation_failed');
  });

  it("sends the office's worklist once a week, with a Message-ID of its own, whatever the number of instances", async () => {
    const ending = await createAgreement(t, admin, { kommunenummer: '1818', startDate: addMonths(addYears(todayInNorway(), -5), 2) });
    const second = await buildTestApp(env, { database: t.database });
    try {
      expect(bodyOf(await setDigest(nordOffice, true).expect(200), contract.digestSubscription).weeklyDigest).toBe(true);
      const [mail] = await waitFor('the digest', () => (mailTo(nordOffice).length > 0 ? mailTo(nordOffice) : undefined));
      // Both instances dispatch every 100 ms: give them time to send a second one, which they must not.
      await pause(1_500);
      expect(mailTo(nordOffice)).toHaveLength(1);
      const { items } = bodyOf(await http(t).get('/api/v1/worklist').set(nordOffice.auth).expect(200), contract.worklist);
      expect(items.length).toBeGreaterThan(1);
      expect(mail?.subject).toBe(`Mine oppgaver uke ${Number(contract.isoWeekOf(todayInNorway()).slice(-2))}: ${items.length} saker`);
      expect(mail?.text).toContain('ALIS-avtaler som slutter innen seks måneder');
      expect(mail?.text).toContain(`https://alis.example.no/avtaler/${ending.id}`);
      const [delivery] = await deliveries(nordOffice);
      expect(delivery).toMatchObject({ status: 'sent', attempts: 1, items: items.length, email: nordOffice.email, week: contract.isoWeekOf(todayInNorway()) });
      expect(mail?.messageId).toBe(delivery?.messageId);
    } finally {
      await second.close();
    }
  });

  it('resends with the same Message-ID when the send was not recorded (a crash after the server accepted it)', async () => {
    const [delivery] = await deliveries(nordOffice);
    await t.database.db.execute(sql`update digest_deliveries set status = 'pending', sent_at = null where id = ${delivery?.id ?? ''}`);
    const copies = await waitFor('the resend', () => (mailTo(nordOffice).length === 2 ? mailTo(nordOffice) : undefined));
    expect(copies.map((mail) => mail.messageId)).toEqual([delivery?.messageId, delivery?.messageId]);
  });

  it('retries when the mail server refuses, shows the failure meanwhile, and lists only your own to you', async () => {
    refuseNext = 2;
    await setDigest(osloOffice, true).expect(200);
    const failed = await waitFor('a failed attempt', async () => (await deliveries(osloOffice)).find((row) => row.attempts > 0 && row.status === 'pending'));
    expect(failed.lastError).toMatch(/Mailbox busy/);
    expect(failed.nextAttemptAt).not.toBeNull();
    await waitFor('the digest after two refusals', () => (mailTo(osloOffice).length > 0 ? true : undefined));
    // The mail server accepts before the API records it: wait for the record.
    const delivery = await waitFor('the record of the send', async () => (await deliveries(osloOffice)).find((row) => row.status === 'sent'));
    expect(delivery).toMatchObject({ status: 'sent', attempts: 3, items: 0, lastError: null });
    expect(mailTo(osloOffice)[0]?.text).toContain('Ingen saker trenger oppfølging denne uken.');
    expect((await deliveries(osloOffice)).map((row) => row.email)).toEqual([osloOffice.email]);
    expect((await deliveries(admin)).map((row) => row.email).sort()).toEqual([nordOffice.email, osloOffice.email].sort());
    const audited = await t.database.db.execute(sql`select count(*)::int as n from audit_log where action = 'digest.subscribed'`);
    expect((audited as { rows: { n: number }[] }).rows[0]?.n).toBe(2);
  });

  it('stops when the user asks', async () => {
    expect(bodyOf(await setDigest(osloOffice, false).expect(200), contract.digestSubscription).weeklyDigest).toBe(false);
    expect(bodyOf(await http(t).get('/api/v1/me/weekly-digest').set(osloOffice.auth).expect(200), contract.digestSubscription).weeklyDigest).toBe(false);
  });
});
