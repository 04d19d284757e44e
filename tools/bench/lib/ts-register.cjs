// Run the API's TypeScript the way its production build compiles it, for the benchmarks.
// The API is built with apps/api/tsconfig.app.json (target es2021: native async/await). ts-node with
// the spec config would compile to es2015 (every await becomes a generator behind tslib's __awaiter)
// and ts-node itself loads node:repl, which loads node:domain and so wraps every EventEmitter emit.
// Both would make the benchmarked server slower than the one people run. This hook transpiles each
// .ts file on its own (like ts-node's transpile-only mode) with the app's compiler options.
const { readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

const apiDir = process.env.BENCH_TS_API_DIR;
if (!apiDir) throw new Error('BENCH_TS_API_DIR must name apps/api of the checkout to run');
const ts = require(require.resolve('typescript', { paths: [apiDir] }));

const configPath = join(apiDir, 'tsconfig.app.json');
const { config, error } = ts.readConfigFile(configPath, ts.sys.readFile);
if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
const { options } = ts.parseJsonConfigFileContent(config, ts.sys, dirname(configPath));
const compilerOptions = {
  ...options,
  module: ts.ModuleKind.CommonJS,
  noEmit: false,
  declaration: false,
  sourceMap: false,
  inlineSourceMap: false,
};

require.extensions['.ts'] = (module, filename) => {
  const source = readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
};
