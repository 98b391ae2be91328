export { type __PASCAL__Config, __CAMEL__ConfigSchema } from './config-schema.js';
export { create__PASCAL__Connector } from './connector.js';
export { map__PASCAL__Error } from './error-mapping.js';
export { __CAMEL__Metadata, __CAMEL__Provider } from './metadata.js';
