import { beforeAll, describe, expect, it } from 'vitest';
import { factdeskEngine, miniSearchEngine } from './engines.js';
import { ownSets } from './own-sets.js';
import { type SetScores, scoreEngine } from './score.js';

const results = new Map<string, { factdesk: SetScores; baseline: SetScores }>();

beforeAll(async () => {
  for (const set of ownSets()) {
    const kb = await set.knowledge();
    results.set(set.name, {
      factdesk: scoreEngine(factdeskEngine(kb), set.questions),
      baseline: scoreEngine(miniSearchEngine(kb), set.questions),
    });
  }
});

describe('answer quality on the project’s own question sets', () => {
  it('scores every set, the blind one included', () => {
    expect([...results.keys()]).toEqual(expect.arrayContaining(['tuning', 'blind']));
  });

  it('puts the answering passage first at least as often as the fair MiniSearch baseline, on every set', () => {
    for (const [name, { factdesk, baseline }] of results)
      expect(factdesk.top1, name).toBeGreaterThanOrEqual(baseline.top1);
    const tuning = results.get('tuning');
    expect(tuning?.factdesk.top1).toBeGreaterThan((tuning?.baseline.top1 ?? 1) + 0.15);
  });

  it('cites the asked figure first more often than the baseline', () => {
    for (const [name, { factdesk, baseline }] of results)
      expect(factdesk.figure, name).toBeGreaterThanOrEqual(baseline.figure);
    const tuning = results.get('tuning');
    expect(tuning?.factdesk.figure).toBeGreaterThan((tuning?.baseline.figure ?? 1) + 0.3);
  });

  it('declines most off-topic questions of the project’s sets and few answerable tuning questions', () => {
    // Over every set, not one set's dozen off-topic questions, where one question moves 8 points.
    let offTopic = 0;
    let declined = 0;
    for (const { factdesk } of results.values()) {
      offTopic += factdesk.offTopic;
      declined += factdesk.offTopicDeclined * factdesk.offTopic;
    }
    expect(declined / offTopic).toBeGreaterThanOrEqual(0.7);
    expect(results.get('tuning')?.factdesk.wronglyDeclined).toBeLessThanOrEqual(0.05);
  });
});
