// Types of verify.mjs, the ESM entry point (the same declarations as verify.d.ts).
export * from './verify.js'
import type { DescribeFactoriesOptions, VerifyMethod, VerifyOptions, VerifyReport } from './verify.js'

declare const verify: {
  verifyFactories(options: VerifyOptions): Promise<VerifyReport>
  describeFactories(options: DescribeFactoriesOptions): void
  METHODS: readonly VerifyMethod[]
}
export default verify
