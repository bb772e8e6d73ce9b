import type { Logger } from 'pino';
import type { LoadReport } from '../../commands/types.js';
import { formatProblem } from '../knowledge/load.js';
import { type KnowledgeBase, type OpenOptions, openKnowledgeBase } from '../knowledge-base.js';

export type { LoadReport };

/**
 * Holds the knowledge base that is serving and swaps it whole on reload. A reload that fails (the
 * folder vanished, every document broken) keeps the previous knowledge serving.
 */
export class KnowledgeHolder {
  private constructor(
    private current: KnowledgeBase,
    private readonly options: OpenOptions,
    private readonly logger: Logger,
  ) {}

  /** Opens the knowledge folder for the first time; throws when it cannot be read at all. */
  static async open(options: OpenOptions, logger: Logger): Promise<KnowledgeHolder> {
    const kb = await openKnowledgeBase(options);
    // Logged at the level the problem's own text names ("error: …" at error level).
    for (const problem of kb.problems) {
      const level = problem.severity === 'error' ? 'error' : 'warn';
      logger[level]({ file: problem.file, field: problem.field }, formatProblem(problem));
    }
    // A prebuilt index leaves the figure index serialised: read it while nobody types yet.
    kb.index.warmFigureIndex().catch((error: unknown) => {
      logger.warn(
        { err: error },
        'the figure index could not be read ahead; the first autocomplete reads it',
      );
    });
    return new KnowledgeHolder(kb, options, logger);
  }

  get(): KnowledgeBase {
    return this.current;
  }

  /** Reloads the folder without a restart. */
  async reload(): Promise<LoadReport> {
    try {
      // Built in a worker thread and indexed in chunks: answers keep flowing during a reload.
      const next = await openKnowledgeBase({ ...this.options, offThread: true });
      const problems = next.problems.map(formatProblem);
      if (next.documents.length === 0 && this.current.documents.length > 0) {
        this.logger.warn(
          { problems: problems.length },
          'reload found no valid document; keeping the previous knowledge',
        );
        return {
          ...this.report(this.current),
          ok: false,
          problems: ['No valid document in the folder.', ...problems],
        };
      }
      this.current = next;
      this.logger.info({ ...this.report(next), problems: problems.length }, 'knowledge reloaded');
      return { ...this.report(next), problems };
    } catch (error) {
      this.logger.error({ err: error }, 'reload failed; keeping the previous knowledge');
      return {
        ...this.report(this.current),
        ok: false,
        problems: [error instanceof Error ? error.message : String(error)],
      };
    }
  }

  private report(kb: KnowledgeBase): LoadReport {
    return {
      ok: true,
      documents: kb.documents.length,
      passages: kb.passages.length,
      figures: kb.figures.length,
      problems: [],
    };
  }
}
