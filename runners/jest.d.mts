// Types of jest.mjs, the ESM entry point (declared again: an ES module's default import of a
// CommonJS declaration file would be its whole module object).
import type { GateOptions } from './gate.js'

export type { GateOptions }

/** Jest globalSetup: validates the fixture factories; throws (so no test runs) on errors. */
declare function globalSetup(globalConfig?: { rootDir?: string }, projectConfig?: { rootDir?: string }): Promise<void>

/** A globalSetup function with these options, for projects that compose several setups. */
export declare function createGlobalSetup(options?: GateOptions): typeof globalSetup

export default globalSetup
