import type { GateOptions } from './gate'

export type { GateOptions }

/** Jest globalSetup: validates the fixture factories; throws (so no test runs) on errors. */
declare function globalSetup(globalConfig?: { rootDir?: string }, projectConfig?: { rootDir?: string }): Promise<void>

/** A globalSetup function with these options, for projects that compose several setups. */
export declare function createGlobalSetup(options?: GateOptions): typeof globalSetup

export default globalSetup
