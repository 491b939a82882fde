import { describe, expect, it } from 'vitest';
import { withSection } from '../../bench/measured.ts';

const file = `# Benchmarks

Intro.

## Purchases: cost
old cost

## Purchases: throughput
old throughput

## Statistics
old statistics

## Legacy import: the move-in
old legacy
`;

describe('a benchmark section written alone', () => {
  it('replaces its blocks where they stood, however many headings it has, and leaves the others', () => {
    const written = withSection(
      file,
      '## Purchases: cost\nnew cost\n\n## Purchases: throughput\nnew throughput\n',
    );
    expect(written).toBe(file.replace('old cost', 'new cost').replace('old throughput', 'new throughput'));
  });

  it('puts a section new to the file before the legacy import’s, and the legacy import’s last in place', () => {
    const added = withSection(file, '## Sending\nsent\n');
    expect(added.indexOf('## Sending')).toBeGreaterThan(added.indexOf('## Statistics'));
    expect(added.indexOf('## Sending')).toBeLessThan(added.indexOf('## Legacy import'));
    expect(withSection(file, '## Legacy import: the move-in\nnew legacy\n')).toBe(
      file.replace('old legacy', 'new legacy'),
    );
  });
});
