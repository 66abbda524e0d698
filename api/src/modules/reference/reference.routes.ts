import { countyList, officeList } from '@alis/shared';
import { moduleRoutes } from '../../lib/routes.js';

/** Reference data every caller may read; it is small, so lists are whole. */
export const referenceRoutes = moduleRoutes({ tags: ['reference data'] }, (route, { reference }) => {
  route.get('/offices', { summary: 'The six regional ALIS offices', response: officeList }, () => reference.offices());
  route.get('/counties', { summary: 'Counties with health region and default ALIS office', response: countyList }, () => reference.counties());
});
