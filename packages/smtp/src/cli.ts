import { runConnectorCliMain } from '@org/connector-core/cli';
import { smtpCli } from './cli/run-cli.js';

// The `smtp-connector` bin: bin/smtp-connector.js imports the built dist/cli.js.
void runConnectorCliMain(smtpCli);
