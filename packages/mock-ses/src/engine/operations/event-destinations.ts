import {
  type SesEventType,
  type StoredEventDestination,
  sesEventTypes,
} from '../event-destination-store.js';
import {
  isObject,
  type JsonObject,
  optionalBoolean,
  optionalObject,
  optionalString,
  stringList,
} from '../json-fields.js';
import { badRequest, missingMember, notFound, SesError } from '../ses-error.js';
import type { EngineState } from '../state.js';
import type { Operation } from './operation.js';

const destinationKinds = [
  'SnsDestination',
  'CloudWatchDestination',
  'KinesisFirehoseDestination',
  'EventBridgeDestination',
  'PinpointDestination',
] as const;

const topicArnPattern = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}(\.fifo)?$/;

function existingSet(state: EngineState, name: string): void {
  if (!state.configurationSets.get(name))
    throw notFound(`Configuration set ${name} does not exist.`);
}

/** Reads an `EventDestinationDefinition`; `previous` fills what an update leaves out. */
function readDefinition(
  name: string,
  body: JsonObject,
  previous?: StoredEventDestination,
): StoredEventDestination {
  const definition = optionalObject(body, 'EventDestination', 'eventDestination');
  if (!definition) throw missingMember('eventDestination');
  const types = stringList(definition, 'MatchingEventTypes', 'eventDestination.matchingEventTypes');
  const matching = types.length > 0 ? types : (previous?.MatchingEventTypes ?? []);
  if (matching.length === 0) {
    throw badRequest('MatchingEventTypes must list at least one event type.');
  }
  for (const type of matching) {
    if (!(sesEventTypes as readonly string[]).includes(type)) {
      throw badRequest(
        `1 validation error detected: Value '${type}' at 'eventDestination.matchingEventTypes' failed to satisfy constraint: Member must satisfy enum value set: [${sesEventTypes.join(', ')}]`,
      );
    }
  }
  const kinds = destinationKinds.filter(
    (kind) => definition[kind] !== undefined && definition[kind] !== null,
  );
  const chosen =
    kinds.length > 0 ? kinds : destinationKinds.filter((kind) => previous?.[kind] !== undefined);
  if (chosen.length !== 1) {
    throw badRequest(
      `An event destination needs exactly one destination (${destinationKinds.join(', ')}); got ${chosen.length}.`,
    );
  }
  const kind = chosen[0] as (typeof destinationKinds)[number];
  const target = (kinds.length > 0 ? definition[kind] : previous?.[kind]) as unknown;
  if (!isObject(target)) throw badRequest(`${kind} must be a structure.`);
  if (kind === 'SnsDestination') {
    const topicArn = optionalString(target, 'TopicArn', 'eventDestination.snsDestination.topicArn');
    if (topicArn === undefined) throw missingMember('eventDestination.snsDestination.topicArn');
    if (!topicArnPattern.test(topicArn)) throw badRequest(`Invalid SNS topic ARN: ${topicArn}.`);
  }
  return {
    Name: name,
    Enabled: optionalBoolean(definition, 'Enabled') ?? previous?.Enabled ?? false,
    MatchingEventTypes: [...new Set(matching)] as SesEventType[],
    [kind]: { ...target },
  };
}

/** POST /v2/email/configuration-sets/{ConfigurationSetName}/event-destinations */
export const createConfigurationSetEventDestination: Operation = ({ state, params, body }) => {
  const set = params.ConfigurationSetName as string;
  existingSet(state, set);
  const name = optionalString(body, 'EventDestinationName', 'eventDestinationName');
  if (name === undefined) throw missingMember('eventDestinationName');
  if (state.eventDestinations.get(set, name)) {
    throw SesError.of('AlreadyExistsException', `Event destination ${name} already exists.`);
  }
  state.eventDestinations.set(set, readDefinition(name, body));
  return {};
};

/** GET /v2/email/configuration-sets/{ConfigurationSetName}/event-destinations */
export const getConfigurationSetEventDestinations: Operation = ({ state, params }) => {
  const set = params.ConfigurationSetName as string;
  existingSet(state, set);
  return { EventDestinations: state.eventDestinations.list(set) };
};

/** PUT /v2/email/configuration-sets/{ConfigurationSetName}/event-destinations/{EventDestinationName} */
export const updateConfigurationSetEventDestination: Operation = ({ state, params, body }) => {
  const set = params.ConfigurationSetName as string;
  const name = params.EventDestinationName as string;
  existingSet(state, set);
  const previous = state.eventDestinations.get(set, name);
  if (!previous) throw notFound(`Event destination ${name} does not exist.`);
  state.eventDestinations.set(set, readDefinition(name, body, previous));
  return {};
};

/** DELETE /v2/email/configuration-sets/{ConfigurationSetName}/event-destinations/{EventDestinationName} */
export const deleteConfigurationSetEventDestination: Operation = ({ state, params }) => {
  const set = params.ConfigurationSetName as string;
  const name = params.EventDestinationName as string;
  existingSet(state, set);
  if (!state.eventDestinations.delete(set, name)) {
    throw notFound(`Event destination ${name} does not exist.`);
  }
  return {};
};
