'use strict'
// `@vrooli/fixture-native/id`: the id API alone, for code that imports `generatePK` and friends
// from one place (e.g. a stand-in for `@vrooli/shared`'s id module). The same native functions
// as the package root, so both share the process's one sequence. One assignment per name, so
// Node's CommonJS export detection lets ESM `import { generatePK } from '.../id'` work.
const native = require('./binding.js')

module.exports.generatePK = native.generatePK
module.exports.generatePKs = native.generatePKs
module.exports.initIdGenerator = native.initIdGenerator
module.exports.configureIdGenerator = native.configureIdGenerator
module.exports.idGeneratorConfig = native.idGeneratorConfig
module.exports.validatePK = native.validatePK
module.exports.decodePK = native.decodePK
module.exports.pkFromTimestamp = native.pkFromTimestamp
module.exports.DUMMY_ID = native.DUMMY_ID
module.exports.generatePublicId = native.generatePublicId
module.exports.validatePublicId = native.validatePublicId
module.exports.nanoid = native.nanoid
