import { describeEmailConnectorConformance } from '@org/connector-conformance';
import { createMock__PASCAL__ } from '__MOCKPACKAGE__';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll } from 'vitest';
import { __CAMEL__Harness, mockOptions } from './harness.js';

// Through msw, as an app's own tests would use the mock. Failures name the file to fill in.
const mock = createMock__PASCAL__(mockOptions);
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describeEmailConnectorConformance({ name: '__NAME__ (msw)', setup: () => __CAMEL__Harness(mock) });
