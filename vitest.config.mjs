import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['__test__/vitest/**/*.vitest.mjs'],
  },
})
