import { runConnectorCliMain } from '@org/connector-core/cli';
import { __CAMEL__Cli } from './cli/__NAME__-cli.js';

// The `__NAME__-connector` bin: bin/__NAME__-connector.js imports the built dist/cli.js.
void runConnectorCliMain(__CAMEL__Cli);
