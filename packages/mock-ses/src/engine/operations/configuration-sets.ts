import { optionalBoolean, optionalObject, optionalString, tagList } from '../json-fields.js';
import { missingMember, notFound, SesError } from '../ses-error.js';
import type { Operation } from './operation.js';
import { paginate } from './paginate.js';

const OPTION_BLOCKS = [
  'TrackingOptions',
  'DeliveryOptions',
  'ReputationOptions',
  'SuppressionOptions',
  'VdmOptions',
  'ArchivingOptions',
  'MessageSecurityOptions',
] as const;

/** POST /v2/email/configuration-sets */
export const createConfigurationSet: Operation = ({ state, body }) => {
  const name = optionalString(body, 'ConfigurationSetName', 'configurationSetName');
  if (name === undefined) throw missingMember('configurationSetName');
  if (state.configurationSets.get(name)) {
    throw SesError.of('AlreadyExistsException', `Configuration set ${name} already exists.`);
  }
  const options: Record<string, unknown> = {};
  for (const block of OPTION_BLOCKS) {
    const value = optionalObject(body, block);
    if (value) options[block] = value;
  }
  const sendingOptions = optionalObject(body, 'SendingOptions', 'sendingOptions');
  state.configurationSets.set({
    name,
    sendingEnabled: optionalBoolean(sendingOptions, 'SendingEnabled') ?? true,
    options,
    tags: tagList(body),
  });
  return {};
};

/** GET /v2/email/configuration-sets/{ConfigurationSetName} */
export const getConfigurationSet: Operation = ({ state, params }) => {
  const name = params.ConfigurationSetName as string;
  const set = state.configurationSets.get(name);
  if (!set) throw notFound(`Configuration set ${name} does not exist.`);
  return {
    ConfigurationSetName: set.name,
    ...set.options,
    SendingOptions: { SendingEnabled: set.sendingEnabled },
    Tags: set.tags,
  };
};

/** DELETE /v2/email/configuration-sets/{ConfigurationSetName} */
export const deleteConfigurationSet: Operation = ({ state, params }) => {
  const name = params.ConfigurationSetName as string;
  if (!state.configurationSets.delete(name))
    throw notFound(`Configuration set ${name} does not exist.`);
  state.eventDestinations.dropSet(name);
  return {};
};

/** POST /v2/email/list-configuration-sets (current SDKs) or GET /v2/email/configuration-sets. */
export const listConfigurationSets: Operation = ({ state, body, query }) => {
  const { page, nextToken } = paginate(
    state.configurationSets.list().map((s) => s.name),
    body,
    query,
  );
  return { ConfigurationSets: page, ...(nextToken ? { NextToken: nextToken } : {}) };
};
