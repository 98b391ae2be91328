export {
  type AwsSesConfig,
  type AwsSesConfigInput,
  type AwsSesPacing,
  awsRegionPattern,
  awsSesConfigSchema,
  sesIdentityArnPattern,
  sesTagPattern,
} from './config-schema.js';
export {
  type AwsSesConnector,
  type AwsSesConnectorFactory,
  createAwsSesConnector,
} from './connector.js';
export { mapSesError, type SesErrorContext } from './error-mapping.js';
export { awsSesMetadata, awsSesProvider } from './metadata.js';
