import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		environment: 'node',
		setupFiles: ['test/setup.ts'],
		// Times in assertions are written in UTC; the CLI formats local time.
		env: {TZ: 'UTC', FORCE_COLOR: '1'},
		restoreMocks: true,
		unstubEnvs: true,
		testTimeout: 20_000,
	},
});
