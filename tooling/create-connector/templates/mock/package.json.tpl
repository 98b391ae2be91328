{
  "name": "__MOCKPACKAGE__",
  "version": "0.0.0",
  "description": "A stand-in for the __TITLE__ API for tests: the provider-neutral view the conformance suite reads",
  "license": "MIT",
  "type": "module",
  "sideEffects": false,
  "engines": {
    "node": ">=20.19"
  },
  "files": [
    "dist"
  ],
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
    "test": "vitest run --passWithNoTests",
    "check:exports": "publint --strict && attw --pack . --profile node16"
  },
  "peerDependencies": {
    "@org/connector-core": "workspace:^"
  },
  "devDependencies": {
    "@arethetypeswrong/cli": "catalog:",
    "@org/connector-core": "workspace:*",
    "@org/tsconfig": "workspace:*",
    "@org/tsup-config": "workspace:*",
    "@org/vitest-config": "workspace:*",
    "@types/node": "catalog:",
    "publint": "catalog:",
    "tsup": "catalog:",
    "typescript": "catalog:",
    "vitest": "catalog:"
  }
}
