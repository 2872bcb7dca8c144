import { JOB_DEFINITIONS, JOB_NAMES } from '../job-names';
import { checkProcessorCoverage } from './job-registry';

describe('job processor coverage (boot check)', () => {
  const known = ['a.one', 'b.two'];

  it('passes when every job has exactly one processor', () => {
    expect(
      checkProcessorCoverage(
        [
          { name: 'a.one', className: 'A' },
          { name: 'b.two', className: 'B' },
        ],
        known,
      ),
    ).toEqual([]);
  });

  it('reports missing, doubled and unknown processors', () => {
    const problems = checkProcessorCoverage(
      [
        { name: 'a.one', className: 'A1' },
        { name: 'a.one', className: 'A2' },
        { name: 'c.three', className: 'C' },
      ],
      known,
    );
    expect(problems).toEqual(['job "a.one" has 2 processors: A1, A2', 'job "b.two" has no processor', 'C processes unknown job "c.three"']);
  });

  it('gives every job a retry policy', () => {
    for (const name of JOB_NAMES) expect(JOB_DEFINITIONS[name].attempts).toBeGreaterThan(1);
  });
});
