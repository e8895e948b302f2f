/**
 * At most `size` full-text searches run at once in this process; the others wait their turn, and a
 * search whose client has gone by then (the toolbar drops its request at every key typed) never reaches
 * the database. A common word ("jumel" in a million interactions) costs the database seconds: without
 * the gate, a few people typing could hold every connection of the pool and starve every other page.
 */
export class SearchGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly size: number) {}

  /** Runs `task` when a place is free; rejects with the signal's reason if the request was abandoned. */
  async run<T>(signal: AbortSignal | undefined, task: () => Promise<T>): Promise<T> {
    if (this.running < this.size) this.running += 1;
    // The place of a search that ends is handed straight to the next one waiting.
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      signal?.throwIfAborted();
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }

  get queued() {
    return this.waiting.length;
  }
}

/** Two: the database runs on two cores here, and the searches that need a gate are the ones that use a whole core. */
export const searchGate = new SearchGate(2);
