{
  "name": "__PACKAGE__",
  "version": "0.0.0",
  "description": "__TITLE__ email connector behind the shared @org/connector-core contract",
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
    "__NAME__-connector": "./bin/__NAME__-connector.js"
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
  "dependencies": {
    "@org/connector-core": "workspace:^",
    "zod": "catalog:"
  },
  "devDependencies": {
    "@arethetypeswrong/cli": "catalog:",
    "@org/connector-conformance": "workspace:*",
    "__MOCKPACKAGE__": "workspace:*",
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
