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
