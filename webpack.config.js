/* eslint-disable @typescript-eslint/no-require-imports */
// Builds the add-in into dist/: the custom functions (and their functions.json, generated from
// JSDoc), the task pane, the manifest, the icons and a local copy of Office.js.
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { httpsServerOptions } = require("./scripts/httpsOptions");

/** Where the add-in is served while developing; `ADDIN_URL` replaces it in a deployment build. */
const DEV_URL = "https://localhost:3000/";
const DEV_PORT = 3000;

/** The files of the custom functions; each is scanned for `@customfunction` JSDoc. */
const FUNCTION_FILES = ["./src/functions/functions.ts", "./src/functions/fitting.ts"];

/** The chunk of the code both the functions and the pane use, built to `shared.js`. */
const SHARED_CHUNK = "shared";

/** The parts of @microsoft/office-js that Excel needs, served beside the pane (no CDN). */
const OFFICE_JS_FILES = [
  "office.js",
  "o15apptofilemappingtable.js",
  "custom-functions-runtime.js",
  "excel-*.js",
  "*/office_strings.js",
];

function deploymentUrl() {
  const url = process.env.ADDIN_URL;
  if (!url) return DEV_URL;
  if (!/^https:\/\/[^/]+(\/.*)?$/.test(url)) {
    throw new Error(`ADDIN_URL must be an https URL such as https://addins.example.nhs.uk/crs/ (got ${url})`);
  }
  return url.endsWith("/") ? url : `${url}/`;
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const baseUrl = deploymentUrl();
  return {
    devtool: dev ? "source-map" : false,
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
        { test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { onlyCompileBundledFiles: true } } },
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
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTION_FILES }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // The shared runtime loads the functions and the pane in this one page.
        chunks: ["functions", "taskpane"],
        scriptLoading: "blocking",
        inject: "body",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          ...OFFICE_JS_FILES.map((pattern) => ({
            from: pattern,
            context: path.resolve(__dirname, "node_modules/@microsoft/office-js/dist"),
            to: "office-js/",
            globOptions: { ignore: ["**/*.debug.js"] },
            // Already minified by Microsoft; minifying 9 MB again only slows the build.
            info: { minimized: true },
          })),
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (baseUrl === DEV_URL ? content : content.toString().split(DEV_URL).join(baseUrl)),
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
      port: DEV_PORT,
      hot: false,
      liveReload: false,
      client: false,
    },
  };
};
