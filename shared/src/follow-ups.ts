import { z } from 'zod';
import { isoDate, optionalText, pageOf, pageQuery, timestamp } from './common.js';
import { kommunenummer, officeCode } from './identifiers.js';

export const followUpKinds = ['meeting', 'phone', 'email', 'visit', 'course', 'other'] as const;
export type FollowUpKind = (typeof followUpKinds)[number];

/** A recruitment-challenged municipality needs a follow-up at least this often. */
export const SPECIAL_ATTENTION_MONTHS = 6;

export const followUp = z
  .object({
    id: z.uuid(),
    kommunenummer: z.string().max(4),
    date: isoDate,
    kind: z.enum(followUpKinds),
    participants: z.string().max(2000).nullable().describe('Who took part.'),
    summary: z.string().max(8000),
    agreedActions: z.string().max(8000).nullable(),
    nextFollowUpOn: isoDate.nullable(),
    done: z.boolean(),
    createdBy: z.object({ id: z.uuid(), name: z.string().max(200) }).nullable(),
    version: z.number().int(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'FollowUp' });
export type FollowUp = z.infer<typeof followUp>;
export const followUpPage = pageOf(followUp);

const followUpFields = {
  date: isoDate.describe('When it happened; not in the future.'),
  kind: z.enum(followUpKinds),
  participants: optionalText(1000),
  summary: z.string().trim().min(1).max(8000),
  agreedActions: optionalText(8000),
  nextFollowUpOn: isoDate.nullable().describe('When to follow up next; not before `date`.'),
  done: z.boolean().describe('Nothing more to do about this entry (its next follow-up is no longer due).'),
};

export const createFollowUpRequest = z
  .object({
    ...followUpFields,
    participants: followUpFields.participants.optional(),
    agreedActions: followUpFields.agreedActions.optional(),
    nextFollowUpOn: followUpFields.nextFollowUpOn.optional(),
    done: followUpFields.done.default(false),
  })
  .strict()
  .meta({
    id: 'CreateFollowUpRequest',
    examples: [
      {
        date: '2026-03-12',
        kind: 'meeting',
        participants: 'Kommuneoverlege, rådgiver ALIS-kontor Nord',
        summary: 'Gjennomgang av søknad om registrering som utdanningsvirksomhet.',
        agreedActions: 'Kommunen sender utkast til generell utdanningsplan innen 1. april.',
        nextFollowUpOn: '2026-04-15',
      },
    ],
  });
export type CreateFollowUpRequest = z.input<typeof createFollowUpRequest>;

export const updateFollowUpRequest = z.object(followUpFields).partial().strict().meta({ id: 'UpdateFollowUpRequest', examples: [{ done: true }] });
export type UpdateFollowUpRequest = z.input<typeof updateFollowUpRequest>;

export const listFollowUpsQuery = z.object({ ...pageQuery }).strict();

export const followUpParams = z
  .object({ kommunenummer, id: z.uuid() })
  .strict();

export const specialAttentionReasons = ['no_recent_follow_up', 'agreements_without_registration'] as const;
export type SpecialAttentionReason = (typeof specialAttentionReasons)[number];

export const specialAttentionItem = z
  .object({
    kommunenummer: z.string().max(4),
    name: z.string().max(200),
    officeCode: z.string().max(16),
    recruitmentChallenged: z.boolean(),
    registrationStatus: z.string().max(32).describe('Status of the § 19 registration in general practice.'),
    activeAgreements: z.number().int(),
    lastFollowUpOn: isoDate.nullable(),
    reasons: z
      .array(z.enum(specialAttentionReasons))
      .max(specialAttentionReasons.length)
      .describe(
        '`no_recent_follow_up`: recruitment-challenged with no follow-up in the last six months; `agreements_without_registration`: active ALIS agreements while neither applied for nor registered.',
      ),
  })
  .meta({ id: 'SpecialAttentionItem' });
export type SpecialAttentionItem = z.infer<typeof specialAttentionItem>;
export const specialAttentionList = pageOf(specialAttentionItem).meta({ id: 'SpecialAttentionList' });

export const specialAttentionQuery = z.object({ officeCode: officeCode.optional() }).strict();
