import { z } from 'zod';

export const office = z
  .object({
    code: z.string().max(16),
    name: z.string().max(200),
    city: z.string().max(200),
    healthRegion: z.string().max(200),
  })
  .meta({ id: 'Office' });
export type Office = z.infer<typeof office>;

export const county = z
  .object({
    countyNumber: z.string().max(2),
    name: z.string().max(200),
    healthRegion: z.string().max(200),
    defaultOfficeCode: z.string().max(16),
  })
  .meta({ id: 'County' });
export type County = z.infer<typeof county>;

/** Reference lists are short (6 offices, 15 counties): a bound far above what they can become. */
const REFERENCE_LIST_MAX = 100;
export const officeList = z.object({ items: z.array(office).max(REFERENCE_LIST_MAX) });
export const countyList = z.object({ items: z.array(county).max(REFERENCE_LIST_MAX) });
