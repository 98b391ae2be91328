import { runConnectorCliMain } from '@org/connector-core/cli';
import { resendCli } from './cli/resend-cli.js';

// The `resend-connector` bin: bin/resend-connector.js imports the built dist/cli.js.
void runConnectorCliMain(resendCli);
