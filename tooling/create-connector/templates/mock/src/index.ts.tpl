export { createMock__PASCAL__, default__PASCAL__BaseUrl } from './create-mock-__NAME__.js';
export { __CAMEL__Error } from './errors.js';
export { __CAMEL__FaultFor, toDeliveredEmail } from './provider-mock.js';
export { startMock__PASCAL__Server } from './start-mock-__NAME__-server.js';
export type {
  __PASCAL__Fault,
  __PASCAL__OutboxMessage,
  __PASCAL__RequestLogEntry,
  Mock__PASCAL__,
  Mock__PASCAL__Options,
  Mock__PASCAL__Server,
  Mock__PASCAL__ServerOptions,
} from './types.js';
