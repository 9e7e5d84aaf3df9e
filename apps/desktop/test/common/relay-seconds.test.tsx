// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useRelaySeconds } from '../../src/renderer/src/features/common/use-relay-now';

const START = Date.UTC(2026, 10, 30, 9, 0);

let renders = 0;
function Countdown({ id }: { id: string }) {
  renders++;
  return <span data-testid={id}>{useRelaySeconds()}</span>;
}
const shown = (id: string) => Number(screen.getByTestId(id).textContent);

beforeEach(() => {
  vi.useFakeTimers({ now: START });
  renders = 0;
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('the clock the countdowns share', () => {
  it('moves every countdown on screen together, once a second, from the time it starts', async () => {
    vi.setSystemTime(START + 5_000);
    render(
      <>
        <Countdown id="a" />
        <Countdown id="b" />
      </>,
    );
    expect([shown('a'), shown('b')]).toEqual([START + 5_000, START + 5_000]);
    const before = renders;
    await act(async () => {
      vi.advanceTimersByTime(1_000);
    });
    expect([shown('a'), shown('b')]).toEqual([START + 6_000, START + 6_000]);
    expect(renders - before).toBe(2);
  });

  it('stops with the last countdown, and reads the time again when one shows anew', () => {
    const { unmount } = render(<Countdown id="a" />);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
    vi.setSystemTime(START + 60_000);
    render(<Countdown id="c" />);
    expect(shown('c')).toBe(START + 60_000);
    expect(vi.getTimerCount()).toBe(1);
  });
});
