import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The variables `api/src/config.ts` reads: the keys of its schema's object (four-space indented `NAME:` lines). */
function configVariables(): string[] {
  const source = readFileSync(path.join(root, 'api/src/config.ts'), 'utf8');
  return [...source.matchAll(/^ {4}([A-Z][A-Z0-9_]*): z\b/gm)].map((match) => match[1] as string);
}

/** The variables named in the first column of the table under the README's "## Configuration". */
function readmeVariables(): string[] {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((part) => part.startsWith('Configuration\n'));
  if (!section) throw new Error('README.md has no "## Configuration" section');
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => [...(line.split('|')[1] ?? '').matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((match) => match[1] as string));
}

describe("README's configuration table", () => {
  it('lists every variable config.ts reads, and none that it does not', () => {
    const inConfig = configVariables();
    const inReadme = readmeVariables();
    expect(inConfig.length).toBeGreaterThan(30);
    expect(inConfig.filter((name) => !inReadme.includes(name)), 'in config.ts, missing from the README').toEqual([]);
    expect(inReadme.filter((name) => !inConfig.includes(name)), 'in the README, not read by config.ts').toEqual([]);
  });

  it('finds every variable the parsed configuration has (the scan of config.ts misses none)', () => {
    const scanned = configVariables();
    expect(Object.keys(parseConfig({})).filter((name) => !scanned.includes(name))).toEqual([]);
  });
});

describe("the API's node flags", () => {
  it('are the same in `pnpm start` and the Dockerfile, with the heap limit and the fixed semi-spaces the README explains', () => {
    const { scripts } = JSON.parse(readFileSync(path.join(root, 'api/package.json'), 'utf8')) as { scripts: { start: string } };
    const fromStart = /^node (.*) dist\/server\.js$/.exec(scripts.start)?.[1]?.split(' ');
    const cmd = /^CMD (\[.*\])$/m.exec(readFileSync(path.join(root, 'Dockerfile'), 'utf8'))?.[1];
    const fromDocker = (JSON.parse(cmd ?? '[]') as string[]).slice(1, -1);
    expect(fromStart).toEqual(['--max-old-space-size=512', '--min-semi-space-size=16', '--max-semi-space-size=16']);
    expect(fromDocker).toEqual(fromStart);
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8').replace(/\s+/g, ' ');
    expect(readme).toContain(`node ${fromStart?.join(' ')}`);
  });
});
