import { runConnectorCliMain } from '@org/connector-core/cli';
import { postmarkCli } from './cli/postmark-cli.js';

// The `postmark-connector` bin: bin/postmark-connector.js imports the built dist/cli.js.
void runConnectorCliMain(postmarkCli);
