/**
 * The Copydesk client: starts the language server over IPC, and adds commands, an output channel
 * and a status bar item. All analysis happens in the server; `activate` returns the client so tests
 * can wait on its state.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

interface Status {
  uri: string;
  findings: number;
  hedges: number;
  words: number;
  hedgesPer1000Words: number;
  /** Milliseconds the server spent analysing this version of the draft. */
  analysisMs?: number;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<LanguageClient> {
  const output = vscode.window.createOutputChannel('Copydesk', { log: true });
  const serverModule = context.asAbsolutePath('dist/server.cjs');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
      { language: 'plaintext', scheme: 'file' },
      { language: 'plaintext', scheme: 'untitled' },
    ],
    synchronize: {
      configurationSection: 'copydesk',
      // Config files change what applies; other drafts change what counts as shared boilerplate.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{.copydeskrc.json,copydesk.config.json,*.md,*.markdown,*.mdx,*.txt}'),
    },
    outputChannel: output,
  };
  client = new LanguageClient('copydesk', 'Copydesk', serverOptions, clientOptions);

  const statusItem = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  statusItem.command = 'workbench.actions.view.problems';
  const statuses = new Map<string, Status>();
  const showStatus = () => {
    const editor = vscode.window.activeTextEditor;
    const s = editor && statuses.get(editor.document.uri.toString());
    if (!s) {
      statusItem.hide();
      return;
    }
    statusItem.text = `$(pencil) Copydesk: ${s.findings}`;
    statusItem.tooltip = `${s.findings} finding${s.findings === 1 ? '' : 's'} in this draft; ${s.hedges} hedges in ${s.words} words (${s.hedgesPer1000Words} per 1,000 words)${s.analysisMs === undefined ? '' : `; checked in ${Math.round(s.analysisMs)} ms`}`;
    statusItem.show();
  };

  context.subscriptions.push(
    output,
    statusItem,
    vscode.window.onDidChangeActiveTextEditor(showStatus),
    vscode.commands.registerCommand('copydesk.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('copydesk.restart', async () => {
      await client?.restart();
    }),
    vscode.commands.registerCommand('copydesk.fixAll', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return;
      await vscode.commands.executeCommand('copydesk.applyFixAll', { uri: editor.document.uri.toString() });
    }),
    vscode.commands.registerCommand('copydesk.allowWord', (word: string) => addToSetting('allowWords', word)),
    vscode.commands.registerCommand('copydesk.allowBoilerplate', (text: string) => addToSetting('allowBoilerplate', text)),
    vscode.commands.registerCommand('copydesk.checkWorkspace', () => checkWorkspace()),
  );

  await client.start();
  context.subscriptions.push(
    client.onNotification('copydesk/status', (s: Status) => {
      statuses.set(s.uri, s);
      showStatus();
    }),
  );
  return client;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** Adds a value to a `copydesk.*` list setting of the workspace (or the user when no folder is open). */
async function addToSetting(key: 'allowWords' | 'allowBoilerplate', value: string): Promise<void> {
  const config = vscode.workspace.getConfiguration('copydesk');
  const current = config.get<string[]>(key, []);
  if (current.includes(value)) return;
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config.update(key, [...current, value], target);
}

/** Opens every draft of the workspace in the background so the server reports on all of them. */
async function checkWorkspace(): Promise<void> {
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Copydesk: checking workspace', cancellable: true },
    async (progress, token) => {
      const files = await vscode.workspace.findFiles('**/*.{md,markdown,txt}', '**/{node_modules,.git,dist}/**', 2000, token);
      let done = 0;
      for (const uri of files) {
        if (token.isCancellationRequested) break;
        await vscode.workspace.openTextDocument(uri);
        done++;
        progress.report({ message: `${done}/${files.length}`, increment: 100 / files.length });
      }
      void vscode.window.showInformationMessage(`Copydesk checked ${done} draft${done === 1 ? '' : 's'}; see the Problems view.`);
    },
  );
}
