// `@vrooli/fixture-native/jest` for ESM configs: the same functions as jest.js.
import jest from './jest.js'

export const createGlobalSetup = jest.createGlobalSetup
export default jest
