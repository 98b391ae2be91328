export { __PASCAL__ApiError } from './__NAME__-api-error.js';
export {
  type __PASCAL__Config,
  __CAMEL__ConfigSchema,
  default__PASCAL__BaseUrl,
} from './config-schema.js';
export { create__PASCAL__Connector } from './connector.js';
export {
  type __PASCAL__ErrorContext,
  __CAMEL__ErrorRules,
  map__PASCAL__Error,
} from './error-mapping.js';
export { __CAMEL__Metadata, __CAMEL__Provider } from './metadata.js';
