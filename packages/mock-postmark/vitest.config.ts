import { defineProjectConfig } from '@org/vitest-config';
import { defineConfig } from 'vitest/config';

export default defineConfig(defineProjectConfig({ test: { name: 'mock-postmark' } }));
