{
  "extends": "@org/tsconfig/library.json",
  "include": ["src", "test", "*.config.ts"]
}
