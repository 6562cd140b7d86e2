// branches_with_national_gathering: national branches that have held a national gathering
// naming enough chapters.
import { plural } from './asof.js';
import { defineMetric } from './metric.js';

export const branchesWithNationalGathering = defineMetric({
  name: 'branches_with_national_gathering',
  unit: 'count',
  params: {},
  needs: ['national_gathering'],
  measure(org, asOf, _params, definitions) {
    const min = definitions.national_gathering!.min_chapters;
    const verdicts = org.branches.map((b) => {
      const held = b.gatherings.filter((g) => g.date <= asOf);
      const national = held.filter((g) => g.kind === 'national');
      const enough = national.find((g) => new Set(g.chapters).size >= min);
      if (enough) return { id: b.id, counts: true, reason: `national gathering on ${enough.date} with ${plural(new Set(enough.chapters).size, 'chapter')}` };
      if (national.length) {
        const last = national[national.length - 1]!;
        return { id: b.id, counts: false, reason: `national gathering on ${last.date} named ${plural(new Set(last.chapters).size, 'chapter')}, needs ${min}` };
      }
      return { id: b.id, counts: false, reason: held.length ? 'only regional gatherings so far' : 'no gathering yet' };
    });
    return { value: verdicts.filter((v) => v.counts).length, verdicts };
  },
});
