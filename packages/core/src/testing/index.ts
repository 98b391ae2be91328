export { createFaultQueue, type FaultQueue } from './fault-queue.js';
export {
  type FaultVariants,
  faultVariantNames,
  pickFaultVariant,
} from './fault-variants.js';
export {
  type FetchHandler,
  type FetchServer,
  type FetchServerOptions,
  startFetchServer,
} from './fetch-server.js';
export {
  createMemoryConnector,
  type MemoryConnector,
  type MemoryConnectorConfig,
  type MemoryConnectorOptions,
  memoryConfigSchema,
} from './memory-connector.js';
export {
  createMemoryProvider,
  type FailNextOptions,
  type MemoryOutboxEntry,
  type MemoryProvider,
} from './memory-provider.js';
export { type ServableMock, startMockHttpServer } from './mock-http-server.js';
export {
  type CatchAllOptions,
  connectionResetResponse,
  type MswHttp,
  mswCatchAllHandlers,
  requireOptionalPeer,
} from './msw-catch-all.js';
export { handleWithHangUps } from './msw-hang-ups.js';
export {
  type DeliveredEmail,
  type InjectOptions,
  type ProviderErrorFaultKind,
  type ProviderFaultKind,
  type ProviderFaultOutcome,
  type ProviderMock,
  providerFaultKinds,
  providerFaultOutcomes,
  type RawHeader,
} from './provider-mock.js';
export { createRequestTracker, type RequestTracker } from './request-tracker.js';
