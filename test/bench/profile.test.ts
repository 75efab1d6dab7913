import { hotspots, type CpuProfile } from '../../bench/profile';
import { median } from '../../bench/measure';

const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber });

describe('hotspots', () => {
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('(root)') },
      { id: 2, callFrame: frame('lowerRestApi', '/x/lower.js', 10) },
      { id: 3, callFrame: frame('(idle)') },
      { id: 4, callFrame: frame('', '/x/anon.js', 3) },
    ],
    samples: [2, 2, 3, 4, 2, 3],
    timeDeltas: [1000, 1000, 5000, 1000, 1000, 5000],
  };

  it('ranks functions by self time, leaves idle out, and names anonymous ones', () => {
    expect(hotspots(profile)).toEqual([
      { name: 'lowerRestApi', where: 'lower.js:11', selfMs: 3, share: 0.75 },
      { name: '(anonymous)', where: 'anon.js:4', selfMs: 1, share: 0.25 },
    ]);
  });

  it('keeps only the top entries', () => {
    expect(hotspots(profile, 1).map((h) => h.name)).toEqual(['lowerRestApi']);
  });
});

describe('median', () => {
  it.each([
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[7], 7],
  ])('median of %j is %d', (xs, expected) => {
    expect(median(xs)).toBe(expected);
  });
  it('is NaN for no samples', () => {
    expect(median([])).toBeNaN();
  });
});
