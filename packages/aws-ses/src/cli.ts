import { runConnectorCliMain } from '@org/connector-core/cli';
import { sesCli } from './cli/ses-cli.js';

// A CLI user on Node 20 gets nothing actionable from the SDK's Node-version notice on every run.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// The `ses-connector` bin: bin/ses-connector.js imports the built dist/cli.js.
void runConnectorCliMain(sesCli);
