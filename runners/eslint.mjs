// `@vrooli/fixture-native/eslint` for ESM configs (eslint.config.mjs): the plugin of eslint.js.
import plugin from './eslint.js'

export const { meta, rules, configs } = plugin
export default plugin
