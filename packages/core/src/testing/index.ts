export { createFaultQueue, type FaultQueue } from './fault-queue.js';
export {
  type FetchHandler,
  type FetchServer,
  type FetchServerOptions,
  startFetchServer,
} from './fetch-server.js';
export {
  createMemoryConnector,
  createMemoryProvider,
  type FailNextOptions,
  type MemoryConnector,
  type MemoryConnectorConfig,
  type MemoryConnectorOptions,
  type MemoryOutboxEntry,
  type MemoryProvider,
  memoryConfigSchema,
} from './memory-connector.js';
export {
  type DeliveredEmail,
  type InjectOptions,
  type ProviderFaultKind,
  type ProviderMock,
  providerFaultKinds,
} from './provider-mock.js';
