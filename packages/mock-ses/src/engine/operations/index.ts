import type { SesOperation } from '../router.js';
import { getAccount, putAccountSendingAttributes } from './account.js';
import {
  createConfigurationSet,
  deleteConfigurationSet,
  getConfigurationSet,
  listConfigurationSets,
} from './configuration-sets.js';
import {
  createConfigurationSetEventDestination,
  deleteConfigurationSetEventDestination,
  getConfigurationSetEventDestinations,
  updateConfigurationSetEventDestination,
} from './event-destinations.js';
import {
  createEmailIdentity,
  deleteEmailIdentity,
  getEmailIdentity,
  listEmailIdentities,
} from './identities.js';
import type { Operation } from './operation.js';
import { sendBulkEmail } from './send-bulk-email.js';
import { sendEmail } from './send-email.js';
import {
  deleteSuppressedDestination,
  getSuppressedDestination,
  listSuppressedDestinations,
  putSuppressedDestination,
} from './suppression.js';
import {
  createEmailTemplate,
  deleteEmailTemplate,
  getEmailTemplate,
  listEmailTemplates,
  testRenderEmailTemplate,
  updateEmailTemplate,
} from './templates.js';

export const operations: Record<SesOperation, Operation> = {
  SendEmail: sendEmail,
  SendBulkEmail: sendBulkEmail,
  GetAccount: getAccount,
  PutAccountSendingAttributes: putAccountSendingAttributes,
  CreateEmailIdentity: createEmailIdentity,
  GetEmailIdentity: getEmailIdentity,
  DeleteEmailIdentity: deleteEmailIdentity,
  ListEmailIdentities: listEmailIdentities,
  CreateConfigurationSet: createConfigurationSet,
  GetConfigurationSet: getConfigurationSet,
  DeleteConfigurationSet: deleteConfigurationSet,
  ListConfigurationSets: listConfigurationSets,
  CreateEmailTemplate: createEmailTemplate,
  GetEmailTemplate: getEmailTemplate,
  UpdateEmailTemplate: updateEmailTemplate,
  DeleteEmailTemplate: deleteEmailTemplate,
  ListEmailTemplates: listEmailTemplates,
  TestRenderEmailTemplate: testRenderEmailTemplate,
  CreateConfigurationSetEventDestination: createConfigurationSetEventDestination,
  GetConfigurationSetEventDestinations: getConfigurationSetEventDestinations,
  UpdateConfigurationSetEventDestination: updateConfigurationSetEventDestination,
  DeleteConfigurationSetEventDestination: deleteConfigurationSetEventDestination,
  PutSuppressedDestination: putSuppressedDestination,
  GetSuppressedDestination: getSuppressedDestination,
  DeleteSuppressedDestination: deleteSuppressedDestination,
  ListSuppressedDestinations: listSuppressedDestinations,
};
