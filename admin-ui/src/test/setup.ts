import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

// jsdom lays nothing out, so it has no scrollIntoView; the app calls it as browsers have it.
Element.prototype.scrollIntoView = () => undefined;
