import { describeEmailConnectorConformance } from '@org/connector-conformance';
import { type Mock__PASCAL__Server, startMock__PASCAL__Server } from '__MOCKPACKAGE__';
import { afterAll, beforeAll } from 'vitest';
import { __CAMEL__Harness, mockOptions } from './harness.js';

// Over real sockets, against the mock's local server.
let local: Mock__PASCAL__Server;
beforeAll(async () => {
  local = await startMock__PASCAL__Server(mockOptions);
});
afterAll(() => local.close());

describeEmailConnectorConformance({
  name: '__NAME__ (local server)',
  setup: () => __CAMEL__Harness(local.mock, local.url),
});
