import { describe, expect, it } from 'vitest';
import { createFailoverOrder } from './failover-order.js';

describe('createFailoverOrder', () => {
  it('priority starts every send at the first connector', () => {
    const order = createFailoverOrder(3, 'priority');
    expect([order(), order()]).toEqual([
      [0, 1, 2],
      [0, 1, 2],
    ]);
  });

  it('round-robin rotates the starting connector and keeps the others as fallbacks', () => {
    const order = createFailoverOrder(3, 'round-robin');
    expect([order(), order(), order(), order()]).toEqual([
      [0, 1, 2],
      [1, 2, 0],
      [2, 0, 1],
      [0, 1, 2],
    ]);
  });
});
