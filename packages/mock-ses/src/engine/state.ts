import { createMockSns, type EngineSns } from '../sns/create-mock-sns.js';
import { createFeedback, type EngineFeedback } from '../sns/ses-feedback.js';
import type { AccountSettings, MockCredentials, MockSesOptions } from '../types.js';
import {
  type ConfigurationSetStore,
  createConfigurationSetStore,
} from './configuration-set-store.js';
import {
  createEventDestinationStore,
  type EventDestinationStore,
} from './event-destination-store.js';
import { createFaultController, type EngineFaultController } from './fault-controller.js';
import { createIdentityStore, type EngineIdentityStore } from './identity-store.js';
import { createIdGenerator, type IdGenerator } from './ids.js';
import { createOutbox, type EngineOutbox } from './outbox-store.js';
import { createRequestLog, type EngineRequestLog } from './request-log.js';
import { createSuppressionList, type SuppressionList } from './suppression-list.js';
import { createTemplateStore, type TemplateStore } from './template-store.js';

/** Everything one mock instance knows; nothing lives at module level. */
export interface EngineState {
  readonly region: string;
  readonly now: () => number;
  readonly credentials: readonly MockCredentials[] | undefined;
  readonly ids: IdGenerator;
  readonly outbox: EngineOutbox;
  readonly requests: EngineRequestLog;
  readonly faults: EngineFaultController;
  readonly identities: EngineIdentityStore;
  readonly account: AccountSettings;
  readonly templates: TemplateStore;
  readonly configurationSets: ConfigurationSetStore;
  readonly eventDestinations: EventDestinationStore;
  readonly suppressionList: SuppressionList;
  readonly sns: EngineSns;
  readonly feedback: EngineFeedback;
  reset(): void;
}

export function createEngineState(options: MockSesOptions = {}): EngineState {
  const region = options.region ?? 'us-east-1';
  const now = options.now ?? Date.now;
  const credentials = options.credentials === undefined ? undefined : [options.credentials].flat();
  const initialAccount = (): AccountSettings => ({
    sandbox: options.sandbox ?? false,
    sendingEnabled: options.sendingEnabled ?? true,
    ...(options.maxSendRate !== undefined ? { maxSendRate: options.maxSendRate } : {}),
    ...(options.max24HourSend !== undefined ? { max24HourSend: options.max24HourSend } : {}),
    enforcementStatus: options.enforcementStatus ?? 'HEALTHY',
  });
  const account = initialAccount();
  const configurationSets = createConfigurationSetStore(options.configurationSets);
  const eventDestinations = createEventDestinationStore();
  const suppressionList = createSuppressionList(
    (options.suppressedDestinations ?? []).map((d) => ({ ...d, lastUpdateTime: now() })),
    options.suppressedReasons,
  );
  const sns = createMockSns(region, now, options.sns);
  const feedback = createFeedback({
    region,
    now,
    sns,
    suppressionList,
    eventDestinations,
    configurationSetExists: (name) => configurationSets.get(name) !== undefined,
  });
  const outbox = createOutbox();
  outbox.subscribe(feedback.onAccepted);
  const state: EngineState = {
    region,
    now,
    credentials,
    ids: createIdGenerator(options.seed),
    outbox,
    requests: createRequestLog(),
    faults: createFaultController(options.seed),
    identities: createIdentityStore(options.identities, now),
    account,
    templates: createTemplateStore(options.templates, now),
    configurationSets,
    eventDestinations,
    suppressionList,
    sns,
    feedback,
    reset() {
      // `account` stays the same object so references handed out earlier see the reset.
      const fresh = initialAccount();
      delete account.maxSendRate;
      delete account.max24HourSend;
      Object.assign(account, fresh);
      state.outbox.clear();
      state.requests.clear();
      state.faults.clear();
      state.identities.reset();
      state.templates.reset();
      state.configurationSets.reset();
      eventDestinations.reset();
      suppressionList.reset();
      sns.reset();
      feedback.clear();
    },
  };
  return state;
}
