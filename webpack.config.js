/* eslint-disable @typescript-eslint/no-require-imports */
// Builds the add-in into dist/: the custom functions (and their functions.json, generated from
// JSDoc), the task pane, the manifest and the icons. The pane loads Office.js from Microsoft's
// CDN; `OFFICE_JS=local` serves a copy of @microsoft/office-js beside it instead.
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { deploymentUrl, rewriteManifest } = require("./scripts/build/deploymentUrl");
const { devServerPort } = require("./scripts/build/devPort");
const { FunctionsMetadataOptionsPlugin, METADATA_FILE } = require("./scripts/build/functionsMetadata");
const {
  contentSecurityPolicy,
  LOCAL_OFFICE_JS_DIRECTORY,
  LOCAL_OFFICE_JS_FILES,
  officeJsScriptUrl,
  officeJsSource,
} = require("./scripts/build/officeJs");
const { httpsServerOptions } = require("./scripts/httpsOptions");

/** The files of the custom functions; each is scanned for `@customfunction` JSDoc. */
const FUNCTION_FILES = ["./src/functions/functions.ts", "./src/functions/fitting.ts"];

/** Copies of the parts of @microsoft/office-js Excel needs, for a build that serves Office.js itself. */
function localOfficeJsPatterns() {
  return LOCAL_OFFICE_JS_FILES.map((pattern) => ({
    from: pattern,
    context: path.resolve(__dirname, "node_modules/@microsoft/office-js/dist"),
    to: LOCAL_OFFICE_JS_DIRECTORY,
    globOptions: { ignore: ["**/*.debug.js"] },
    // Already minified by Microsoft; minifying 9 MB again only slows the build.
    info: { minimized: true },
  }));
}

/** The chunk of the code both the functions and the pane use, built to `shared.js`. */
const SHARED_CHUNK = "shared";

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const port = devServerPort(process.env);
  const baseUrl = deploymentUrl(process.env.ADDIN_URL, port);
  const officeJs = officeJsSource(process.env.OFFICE_JS);
  return {
    devtool: dev ? "source-map" : false,
    // What a build works out (each module compiled and type-checked, each chunk minified) is kept
    // in node_modules/.cache/webpack, so a build from the same sources reuses it: `npm run package`
    // after `npm run build`, a second `npm start`. A change to this file or what it requires, to
    // the compiler's settings or to the installed packages starts it afresh.
    cache: {
      type: "filesystem",
      buildDependencies: { config: [__filename, path.join(__dirname, "tsconfig.json"), path.join(__dirname, "package-lock.json")] },
      // The development server stores it as soon as it has built, not 5 s later: so `npm stop`
      // soon after `npm start` need not wait for the store.
      idleTimeoutForInitialStore: 0,
    },
    entry: {
      functions: FUNCTION_FILES,
      taskpane: "./src/taskpane/taskpane.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          // The production build type-checks; the development server only transpiles, to start
          // (and restart) in half the time: `npm run lint` checks the types.
          use: { loader: "ts-loader", options: { onlyCompileBundledFiles: true, transpileOnly: dev } },
        },
      ],
    },
    performance: { hints: false },
    optimization: {
      splitChunks: {
        // Share a module even where the two use different exports of it (the datasets are).
        usedExports: false,
        cacheGroups: {
          // The shared runtime loads the functions and the pane into one page: what both use (the
          // article's datasets, the model) goes once into shared.js, which the page loads first.
          shared: { name: SHARED_CHUNK, chunks: "initial", minChunks: 2, minSize: 0, enforce: true },
        },
      },
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: METADATA_FILE, input: FUNCTION_FILES }),
      new FunctionsMetadataOptionsPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        templateParameters: {
          officeJsUrl: officeJsScriptUrl(officeJs),
          contentSecurityPolicy: contentSecurityPolicy(officeJs),
        },
        // The shared runtime loads the functions and the pane in this one page.
        chunks: ["functions", "taskpane"],
        scriptLoading: "blocking",
        inject: "body",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          ...(officeJs === "local" ? localOfficeJsPatterns() : []),
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => rewriteManifest(content.toString(), baseUrl),
          },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: env.WEBPACK_SERVE ? await httpsServerOptions() : {} },
      // Keep dist/ in step with what is served, so the manifest and assets there stay current.
      devMiddleware: { writeToDisk: true },
      host: "localhost",
      port,
      hot: false,
      liveReload: false,
      client: false,
    },
  };
};
