// Types of vitest.mjs, the ESM entry point (declared again: an ES module's default import of a
// CommonJS declaration file would be its whole module object).
import type { GateOptions } from './gate.js'

export type { GateOptions }

/** Vitest globalSetup: validates the fixture factories; throws (so no test runs) on errors. */
declare function setup(project?: { config: { root: string } }): Promise<void>

/** A globalSetup function with these options, for projects that compose several setups. */
export declare function createGlobalSetup(options?: GateOptions): typeof setup

export { setup }
export default setup
