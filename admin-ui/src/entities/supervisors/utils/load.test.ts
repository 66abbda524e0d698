import { describe, expect, it } from 'vitest';
import { loadText } from './load';

describe('supervisor load', () => {
  it('shows load against capacity', () => {
    expect(loadText(2, 3)).toEqual({ text: '2 av 3 ALIS', over: false });
    expect(loadText(4, 3)).toEqual({ text: '4 av 3 ALIS', over: true });
  });
});
