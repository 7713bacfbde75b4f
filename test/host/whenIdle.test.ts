import { createServer } from 'node:http';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { whenIdle } from '../../electron/host/whenIdle';

/**
 * The host's idle warm-up (the evidence's image libraries) waits until the page stops asking: run
 * at once, such a load held the host's first answers for a second and more ([F] #11, start to first answer).
 */
describe('whenIdle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits while requests keep coming, then runs once', () => {
    const server = createServer();
    const task = vi.fn();
    whenIdle(server, 1500, task);
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(1000);
      server.emit('request');
    }
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1499);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(task).toHaveBeenCalledTimes(1);
    server.emit('request');
    vi.advanceTimersByTime(5000);
    expect(task).toHaveBeenCalledTimes(1);
    expect(server.listenerCount('request')).toBe(0);
  });

  it('never runs once the server is closed', () => {
    const server = createServer();
    const task = vi.fn();
    whenIdle(server, 1500, task);
    server.emit('close');
    vi.advanceTimersByTime(10_000);
    expect(task).not.toHaveBeenCalled();
  });
});
