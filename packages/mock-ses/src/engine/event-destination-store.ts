/** SES v2 `EventType` values a destination can match. */
export const sesEventTypes = [
  'SEND',
  'REJECT',
  'BOUNCE',
  'COMPLAINT',
  'DELIVERY',
  'OPEN',
  'CLICK',
  'RENDERING_FAILURE',
  'DELIVERY_DELAY',
  'SUBSCRIPTION',
] as const;

export type SesEventType = (typeof sesEventTypes)[number];

/** A configuration set's event destination, as GetConfigurationSetEventDestinations returns it. */
export interface StoredEventDestination {
  Name: string;
  Enabled: boolean;
  MatchingEventTypes: SesEventType[];
  SnsDestination?: { TopicArn: string };
  /** Other destination kinds are stored and echoed, but only SNS is delivered to. */
  [kind: string]: unknown;
}

export interface EventDestinationStore {
  list(configurationSet: string): StoredEventDestination[];
  get(configurationSet: string, name: string): StoredEventDestination | undefined;
  set(configurationSet: string, destination: StoredEventDestination): void;
  delete(configurationSet: string, name: string): boolean;
  /** Drops every destination of a configuration set (when the set is deleted). */
  dropSet(configurationSet: string): void;
  reset(): void;
}

export function createEventDestinationStore(): EventDestinationStore {
  const sets = new Map<string, Map<string, StoredEventDestination>>();
  return {
    list: (set) => [...(sets.get(set)?.values() ?? [])],
    get: (set, name) => sets.get(set)?.get(name),
    set(set, destination) {
      let destinations = sets.get(set);
      if (!destinations) {
        destinations = new Map();
        sets.set(set, destinations);
      }
      destinations.set(destination.Name, destination);
    },
    delete: (set, name) => sets.get(set)?.delete(name) ?? false,
    dropSet(set) {
      sets.delete(set);
    },
    reset() {
      sets.clear();
    },
  };
}
