// The top-level options of functions.json that the JSDoc metadata generator cannot write, added
// to the file it emits.

/** The name of the metadata file the custom-functions metadata plugin emits. */
const METADATA_FILE = "functions.json";

/**
 * Excel's top-level metadata options this add-in needs. `allowErrorForDataTypeAny` lets a cell
 * holding an error reach the functions inside a range (parameters of type any), so that the
 * error comes through in its own cell of the result only, instead of Excel not calling the
 * function at all and showing the error for the whole result. `allowCustomDataForDataTypeAny`,
 * which the generator sets to true, is turned off: with it, a cell holding a data type (a
 * formatted number, an entity) or an error would arrive as an object rather than as its value,
 * and the functions read plain numbers, texts and CustomFunctions.Error cells.
 */
const TOP_LEVEL_OPTIONS = Object.freeze({ allowCustomDataForDataTypeAny: false, allowErrorForDataTypeAny: true });

/**
 * functions.json with the top-level options set, after the generator's own ones and before
 * `functions`, in the generator's 4-space indentation.
 *
 * @param {string} json the generated functions.json
 * @returns {string}
 * @example withTopLevelOptions('{"functions": []}') // '{\n    "allowCustomDataForDataTypeAny": false,\n    "allowErrorForDataTypeAny": true,\n    "functions": []\n}'
 */
function withTopLevelOptions(json) {
  const { functions, ...options } = JSON.parse(json);
  if (!Array.isArray(functions)) throw new Error(`${METADATA_FILE} has no "functions" list.`);
  return JSON.stringify({ ...options, ...TOP_LEVEL_OPTIONS, functions }, null, 4);
}

/** Rewrites functions.json once the metadata plugin has added it to the compilation's assets. */
class FunctionsMetadataOptionsPlugin {
  /** @param {import("webpack").Compiler} compiler */
  apply(compiler) {
    const name = "FunctionsMetadataOptionsPlugin";
    const { Compilation, sources, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap({ name, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const asset = compilation.getAsset(METADATA_FILE);
        if (!asset) {
          compilation.errors.push(new WebpackError(`${name}: no ${METADATA_FILE} was generated.`));
          return;
        }
        const json = withTopLevelOptions(asset.source.source().toString());
        compilation.updateAsset(METADATA_FILE, new sources.RawSource(json));
      });
    });
  }
}

module.exports = { FunctionsMetadataOptionsPlugin, METADATA_FILE, TOP_LEVEL_OPTIONS, withTopLevelOptions };
