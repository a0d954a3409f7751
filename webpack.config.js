// Builds the Excel add-in into dist/: taskpane.html (+ bundle) and commands.html (+ bundle),
// with the icons and manifest copied beside them. office.js is NOT bundled: Office requires it
// to be loaded from its CDN by a <script> tag in each page (see addin/*/ *.html).
//   npx webpack --mode production          → dist/
//   npm run dev-server                     → https://localhost:3000 (office-addin-dev-certs)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import CopyWebpackPlugin from 'copy-webpack-plugin';

const root = path.dirname(fileURLToPath(import.meta.url));

/**
 * HTTPS options for the dev server: the certificates `npx --yes office-addin-dev-certs install` puts in
 * ~/.office-addin-dev-certs (trusted by Office), else webpack's own self-signed certificate.
 */
function httpsOptions() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const file = (n) => path.join(dir, n);
  if (!fs.existsSync(file('localhost.crt'))) return 'https';
  return {
    type: 'https',
    options: { ca: fs.readFileSync(file('ca.crt')), key: fs.readFileSync(file('localhost.key')), cert: fs.readFileSync(file('localhost.crt')) },
  };
}

export default (_env, argv) => {
  const dev = argv.mode !== 'production';
  return {
    context: root,
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './addin/taskpane/taskpane.ts',
      commands: './addin/commands/commands.ts',
    },
    output: { path: path.join(root, 'dist'), filename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        { test: /\.ts$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true } } },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './addin/taskpane/taskpane.html', chunks: ['taskpane'] }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './addin/commands/commands.html', chunks: ['commands'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
          { from: 'addin/taskpane/taskpane.css', to: 'taskpane.css' },
          { from: 'addin/help.html', to: 'help.html' },
          { from: 'manifest.xml', to: 'manifest.xml' },
        ],
      }),
    ],
    devServer: {
      host: 'localhost',
      port: 3000,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: httpsOptions(),
      static: { directory: path.join(root, 'dist') },
    },
  };
};
