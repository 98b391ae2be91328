import type { ViteUserConfig } from 'vitest/config';
export declare function defineProjectConfig(overrides?: ViteUserConfig): ViteUserConfig;
export declare const workspaceRoot: string;
