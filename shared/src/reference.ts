import { z } from 'zod';

export const office = z
  .object({
    code: z.string(),
    name: z.string(),
    city: z.string(),
    healthRegion: z.string(),
  })
  .meta({ id: 'Office' });
export type Office = z.infer<typeof office>;

export const county = z
  .object({
    countyNumber: z.string(),
    name: z.string(),
    healthRegion: z.string(),
    defaultOfficeCode: z.string(),
  })
  .meta({ id: 'County' });
export type County = z.infer<typeof county>;

export const officeList = z.object({ items: z.array(office) });
export const countyList = z.object({ items: z.array(county) });
