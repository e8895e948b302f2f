import { SearchGate } from './search-gate';

/** A task that runs until it is told to finish. */
function pending() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { finish, task: () => done };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('SearchGate', () => {
  it('runs at most its size at once and the next one when a place frees', async () => {
    const gate = new SearchGate(2);
    const tasks = [pending(), pending(), pending()];
    const started: number[] = [];
    const runs = tasks.map((t, index) =>
      gate.run(undefined, () => {
        started.push(index);
        return t.task();
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    expect(gate.queued).toBe(1);
    tasks[1]!.finish();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    tasks[0]!.finish();
    tasks[2]!.finish();
    await Promise.all(runs);
    // Every place is free again: two run at once straight away.
    const again = [pending(), pending()];
    const more: number[] = [];
    const second = again.map((t, index) => gate.run(undefined, () => (more.push(index), t.task())));
    await tick();
    expect(more).toEqual([0, 1]);
    again.forEach((t) => t.finish());
    await Promise.all(second);
  });

  it('drops a waiting search whose client has gone, without running it', async () => {
    const gate = new SearchGate(1);
    const first = pending();
    const running = gate.run(undefined, first.task);
    const abandoned = new AbortController();
    let ran = false;
    const waiting = gate.run(abandoned.signal, async () => {
      ran = true;
    });
    abandoned.abort(new Error('client gone'));
    first.finish();
    await running;
    await expectAsync(waiting).toBeRejectedWithError('client gone');
    expect(ran).toBeFalse();
    // Its place went back to the gate.
    await expectAsync(gate.run(undefined, async () => 'next')).toBeResolvedTo('next');
  });

  it('frees its place when a search fails', async () => {
    const gate = new SearchGate(1);
    await expectAsync(gate.run(undefined, () => Promise.reject(new Error('database down')))).toBeRejectedWithError('database down');
    await expectAsync(gate.run(undefined, async () => 'ok')).toBeResolvedTo('ok');
  });
});
