import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import root from '../eslint.config.js';

/**
 * The admin app's layers, each importing only from those below it:
 *   app → features → entities → components → lib
 * A feature is one area of the screens and never imports another feature; what several need lives
 * in an entity (one resource of the API: its endpoints, query keys, picker, list …). Entities do
 * not import each other either, except `entities/invalidation.ts`, which knows every resource's keys.
 * The README says the same in prose.
 */
const FEATURES = ['agreements', 'auth', 'doctors', 'grants', 'municipalities', 'registrations', 'supervisors'];
const ENTITIES = ['agreements', 'doctors', 'grants', 'municipalities', 'reference', 'registrations', 'supervisors'];

const zones = [
  ...FEATURES.map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [`./${feature}`],
    message: 'A feature does not import another feature: move what both need to src/entities or src/components, or put the two together in src/app.',
  })),
  ...ENTITIES.map((entity) => ({
    target: `./src/entities/${entity}`,
    from: './src/entities',
    except: [`./${entity}`, './invalidation.ts'],
    message: 'An entity does not import another entity; cache invalidation across resources goes in src/entities/invalidation.ts.',
  })),
  { target: './src/features', from: './src/app', message: 'The app shell imports features, not the other way round.' },
  { target: './src/entities', from: ['./src/app', './src/features'], message: 'Entities are below the features and the app shell.' },
  { target: './src/components', from: ['./src/app', './src/features', './src/entities'], message: 'Shared components know no feature or resource.' },
  { target: './src/lib', from: ['./src/app', './src/features', './src/entities', './src/components'], message: 'lib is the bottom layer.' },
];

export default [
  ...root,
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX, ...reactHooks.configs.flat.recommended.plugins },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })] },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones }],
    },
  },
];
