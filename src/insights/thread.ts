import { Worker } from 'node:worker_threads';

/** What a database thread answers: its result, or the error it met (message and code). */
interface Answer {
  id: number;
  result?: unknown;
  error?: { message: string; code?: string };
}

/**
 * A worker thread that does a driver's database work off the event loop, from plain CommonJS
 * source (it starts in milliseconds, from the sources and from the build alike, with no
 * TypeScript loader). The thread answers each `{ id, …request }` it is sent with
 * `{ id, result }` or `{ id, error }`. It starts on the first request, keeps the process alive
 * only while a request waits, and a new one starts if it stops.
 */
export class DatabaseThread {
  private worker: Worker | undefined;
  private readonly waiting = new Map<
    number,
    { resolve(result: unknown): void; reject(error: Error): void }
  >();
  private nextId = 0;
  private closing = false;

  constructor(
    private readonly source: string,
    private readonly workerData: Record<string, unknown>,
  ) {}

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.source, { eval: true, workerData: this.workerData });
    worker.unref();
    worker.on('message', (answer: Answer) => {
      const waiter = this.waiting.get(answer.id);
      if (!waiter) return;
      this.waiting.delete(answer.id);
      if (this.waiting.size === 0 && !this.closing) worker.unref();
      if (answer.error)
        waiter.reject(Object.assign(new Error(answer.error.message), { code: answer.error.code }));
      else waiter.resolve(answer.result);
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const waiter of this.waiting.values()) waiter.reject(error);
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the database thread stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  /** Sends one request and resolves with the thread's result. */
  request<T>(message: Record<string, unknown>): Promise<T> {
    const worker = this.thread();
    const id = ++this.nextId;
    return new Promise<T>((resolve, reject) => {
      if (this.waiting.size === 0) worker.ref();
      this.waiting.set(id, { resolve: resolve as (result: unknown) => void, reject });
      worker.postMessage({ id, ...message });
    });
  }

  /** Asks the thread to close (`{ op: 'close' }`: it closes its connection and ends) and waits until it has gone. */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    // Held until the thread has gone: the process must not end with the database half-closed.
    this.closing = true;
    worker.ref();
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    await this.request({ op: 'close' }).catch(() => undefined);
    await exited;
  }
}
