import { type Worklist, isoWeekOf, worklistGroupOrder, worklistItemHeadings, worklistSubjectAppPaths } from '@alis/shared';

const norwegianDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

const linkOf = (appUrl: string, item: Worklist['items'][number]) => new URL(`${worklistSubjectAppPaths[item.subject.type]}/${item.subject.id}`, appUrl).toString();

/** The weekly digest as plain text (bokmål): the worklist grouped by what to do, each line with its link. */
export function renderDigest(worklist: Worklist, recipientName: string, appUrl: string): { subject: string; text: string } {
  const week = isoWeekOf(worklist.today).slice(-2).replace(/^0/, '');
  const count = worklist.items.length;
  const subject = `Mine oppgaver uke ${week}: ${count === 0 ? 'ingen saker' : count === 1 ? '1 sak' : `${count} saker`}`;
  const sections = worklistGroupOrder.flatMap((type) => {
    const items = worklist.items.filter((item) => item.type === type);
    if (items.length === 0) return [];
    const lines = items.map(
      (item) =>
        `- ${norwegianDate(item.dueDate)}${item.overdue ? ' (forfalt)' : ''}: ${[item.municipalityName, item.label].filter(Boolean).join(' – ')}\n  ${linkOf(appUrl, item)}`,
    );
    return [`${worklistItemHeadings[type]}\n${lines.join('\n')}`];
  });
  const body = sections.length > 0 ? sections.join('\n\n') : 'Ingen saker trenger oppfølging denne uken.';
  const text =
    `Hei ${recipientName},\n\nDette er oppgavene for ALIS-kontoret per ${norwegianDate(worklist.today)}.\n\n${body}\n\n` +
    `Hele listen: ${new URL('/', appUrl).toString()}\n\n` +
    'Du får denne e-posten fordi du har bedt om ukentlig oppsummering. Du kan slå den av i ALIS-registeret.\n';
  return { subject, text };
}
