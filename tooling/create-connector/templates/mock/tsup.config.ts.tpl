import { defineLibraryConfig } from '@org/tsup-config';
import { defineConfig } from 'tsup';

export default defineConfig(defineLibraryConfig());
