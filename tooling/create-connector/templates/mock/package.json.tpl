{
  "name": "__MOCKPACKAGE__",
  "version": "0.0.0",
  "description": "A mock of the __TITLE__ email API for tests: msw handlers, a local server and CLI, faults and an outbox",
  "license": "MIT",
  "type": "module",
  "sideEffects": false,
  "engines": {
    "node": ">=20.19"
  },
  "files": [
    "dist",
    "bin"
  ],
  "bin": {
    "mock-__NAME__": "./bin/mock-__NAME__.js"
  },
  "main": "./dist/index.cjs",
  "module": "./dist/index.js",
  "types": "./dist/index.d.cts",
  "exports": {
    ".": {
      "import": {
        "types": "./dist/index.d.ts",
        "default": "./dist/index.js"
      },
      "require": {
        "types": "./dist/index.d.cts",
        "default": "./dist/index.cjs"
      }
    },
    "./package.json": "./package.json"
  },
  "scripts": {
    "build": "tsup",
    "typecheck": "tsc -p tsconfig.json",
    "test": "vitest run",
    "check:exports": "publint --strict && attw --pack . --profile node16"
  },
  "peerDependencies": {
    "@org/connector-core": "workspace:^",
    "msw": "^2.15.0"
  },
  "peerDependenciesMeta": {
    "msw": {
      "optional": true
    }
  },
  "devDependencies": {
    "@arethetypeswrong/cli": "catalog:",
    "@org/connector-core": "workspace:*",
    "@org/tsconfig": "workspace:*",
    "@org/tsup-config": "workspace:*",
    "@org/vitest-config": "workspace:*",
    "@types/node": "catalog:",
    "msw": "catalog:",
    "publint": "catalog:",
    "tsup": "catalog:",
    "typescript": "catalog:",
    "vitest": "catalog:"
  }
}
