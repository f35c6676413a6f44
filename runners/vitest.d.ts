import type { GateOptions } from './gate'

export type { GateOptions }

/** Vitest globalSetup: validates the fixture factories; throws (so no test runs) on errors. */
declare function setup(project?: { config: { root: string } }): Promise<void>

/** A globalSetup function with these options, for projects that compose several setups. */
export declare function createGlobalSetup(options?: GateOptions): typeof setup

export { setup }
export default setup
