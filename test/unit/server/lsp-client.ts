/** A minimal LSP client over stdio for protocol-level tests of the built server (no VS Code). */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export interface TestServer {
  connection: ProtocolConnection;
  process: ChildProcess;
  /** Resolves with the next diagnostics published for `uri` whose version is at least `version`. */
  diagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams>;
  close(): Promise<void>;
}

/** Starts dist/server.cjs over stdio and initialises it. */
export async function startServer(
  settings: Record<string, unknown> = {},
  env: Record<string, string> = {},
  init: Record<string, unknown> = {},
): Promise<TestServer> {
  const child = spawn(process.execPath, [resolve('dist/server.cjs'), '--stdio'], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, COPYDESK_DEBOUNCE_MS: '0', ...env },
  });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiters: { uri: string; version: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    for (let i = waiters.length - 1; i >= 0; i--) {
      const w = waiters[i]!;
      if (w.uri === p.uri && (p.version ?? 0) >= w.version) {
        waiters.splice(i, 1);
        w.resolve(p);
      }
    }
  });
  connection.onRequest('workspace/configuration', () => [settings]);
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } }, ...init });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    process: child,
    diagnostics: (uri, version = 0) => new Promise((res) => waiters.push({ uri, version, resolve: res })),
    async close() {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      connection.dispose();
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    },
  };
}
