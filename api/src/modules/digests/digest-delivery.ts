import { type EducationPlanRules, isoWeekOf, todayInNorway } from '@alis/shared';
import type { Transporter } from 'nodemailer';
import type { Db } from '../../db/client.js';
import { worklistOf } from '../worklist/worklist.service.js';
import { renderDigest } from './digest-mail.js';
import { digestsRepo } from './digests.repo.js';

export interface DigestSettings {
  transport: Pick<Transporter, 'sendMail'>;
  from: string;
  appUrl: string;
  retryBaseMs: number;
  maxAttempts: number;
  planRules: EducationPlanRules;
}

const osloWeekdayHour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', weekday: 'short', hour: '2-digit', hourCycle: 'h23' });

/** The week whose digest is due now: this week's from Monday at `dueHour` in Norway; none before that on a Monday. */
export function dueWeek(now: Date, dueHour: number): string | null {
  const parts = Object.fromEntries(osloWeekdayHour.formatToParts(now).map((part) => [part.type, part.value]));
  if (parts.weekday === 'Mon' && Number(parts.hour) < dueHour) return null;
  return isoWeekOf(todayInNorway(now));
}

/** A failed send is retried after the base wait, then twice as long each time, up to an hour. */
export const digestRetryDelayMs = (attempts: number, baseMs: number) => Math.min(baseMs * 2 ** Math.max(attempts - 1, 0), 3_600_000);

/**
 * Sends one digest, holding its row locked (another instance skips it) until the send is recorded.
 * The Message-ID was fixed when the row was made: a crash after the SMTP server accepted the mail and
 * before the commit leaves the row pending, and the resend carries the same Message-ID, so mail
 * clients drop the copy. A failure is recorded with the next attempt's time, or gives up.
 */
export async function sendDigest(db: Db, id: string, settings: DigestSettings, now = new Date()): Promise<{ retryAt: Date | null }> {
  return db.transaction(async (tx) => {
    const delivery = await digestsRepo.lockPending(tx, id);
    if (!delivery) return { retryAt: null };
    if (!delivery.active || !delivery.officeCode) {
      await digestsRepo.recordFailure(tx, id, 'the user is no longer an active office user', null);
      return { retryAt: null };
    }
    const worklist = await worklistOf(tx, delivery.officeCode, todayInNorway(now), settings.planRules);
    const mail = renderDigest(worklist, delivery.name, settings.appUrl);
    try {
      await settings.transport.sendMail({ from: settings.from, to: delivery.email, subject: mail.subject, text: mail.text, messageId: delivery.messageId });
      await digestsRepo.recordSent(tx, id, worklist.items.length);
      return { retryAt: null };
    } catch (error) {
      const attempts = delivery.attempts + 1;
      const retryAt = attempts < settings.maxAttempts ? new Date(now.getTime() + digestRetryDelayMs(attempts, settings.retryBaseMs)) : null;
      const message = error instanceof Error ? error.message : String(error);
      await digestsRepo.recordFailure(tx, id, message.slice(0, 500), retryAt);
      return { retryAt };
    }
  });
}
