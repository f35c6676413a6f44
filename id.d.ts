// `@vrooli/fixture-native/id`: the id API of the package root (types generated into index.d.ts).
export {
  generatePK,
  generatePKs,
  initIdGenerator,
  configureIdGenerator,
  idGeneratorConfig,
  validatePK,
  decodePK,
  pkFromTimestamp,
  DUMMY_ID,
  generatePublicId,
  validatePublicId,
  nanoid,
} from './index.js'
export type { DecodedPk, IdGeneratorConfig, IdGeneratorOptions } from './index.js'
