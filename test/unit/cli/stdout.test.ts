/**
 * Standard output written straight to its file descriptor (stdoutStream in server/src/cli/main.ts):
 * a file, /dev/null, a full non-blocking pipe (the rest goes through the stream, in order), a pipe
 * whose reader went away (the rest is dropped, quietly), and a character device that may be a
 * terminal (through the stream). Pipes are named pipes made at test time.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, readFileSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { outputPending, stdoutStream, type StdoutFallback } from '../../../server/src/cli/main.js';

const posix = process.platform !== 'win32';
const root = mkdtempSync(join(tmpdir(), 'copydesk-stdout-'));
after(() => rmSync(root, { recursive: true, force: true }));

/** A stand-in for process.stdout that keeps what it is given. */
function fakeStdout(isTTY = false): StdoutFallback & { got: Buffer[]; onError?: (e: NodeJS.ErrnoException) => void } {
  const fake = {
    got: [] as Buffer[],
    isTTY,
    onError: undefined as ((e: NodeJS.ErrnoException) => void) | undefined,
    write(data: string | Uint8Array) {
      fake.got.push(Buffer.from(data));
      return true;
    },
    on(_event: 'error', listener: (e: NodeJS.ErrnoException) => void) {
      fake.onError = listener;
      return fake;
    },
  };
  return fake;
}

/** Both ends of a new named pipe, opened non-blocking (as a shell's pipe may be, set by another program). */
function namedPipe(name: string): { read: number; write: number } {
  const path = join(root, name);
  execFileSync('mkfifo', [path]);
  const read = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  const write = openSync(path, constants.O_WRONLY | constants.O_NONBLOCK);
  return { read, write };
}

/** Everything waiting in a non-blocking pipe. */
function drain(fd: number): Buffer {
  const parts: Buffer[] = [];
  const buf = Buffer.alloc(1 << 16);
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, buf);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') break;
      throw e;
    }
    if (n === 0) break;
    parts.push(Buffer.from(buf.subarray(0, n)));
  }
  return Buffer.concat(parts);
}

test('a file gets the report straight, whole, a character split across chunks included', () => {
  const path = join(root, 'report.txt');
  const fd = openSync(path, 'w');
  const fallback = fakeStdout();
  const out = stdoutStream(fd, () => fallback);
  // A surrogate pair around the 1M-character chunk boundary, then more text.
  const report = 'a'.repeat((1 << 20) - 1) + '\u{1F4F0} news\n';
  assert.equal(out.isTTY, false);
  assert.equal(out.write(report), true);
  assert.equal(out.write('second write\n'), true);
  closeSync(fd);
  assert.equal(readFileSync(path, 'utf8'), report + 'second write\n');
  assert.deepEqual(fallback.got, [], 'the stream is not used');
});

test('/dev/null is written straight; another character device (a terminal, maybe) goes through the stream', { skip: !posix && 'POSIX devices' }, () => {
  const devNull = openSync('/dev/null', 'w');
  const quiet = fakeStdout();
  const toNull = stdoutStream(devNull, () => quiet);
  assert.equal(toNull.write('{"files":[]}\n'), true);
  assert.equal(toNull.isTTY, false);
  assert.deepEqual(quiet.got, []);
  closeSync(devNull);

  const zero = openSync('/dev/zero', 'w');
  const terminal = fakeStdout(true);
  const toDevice = stdoutStream(zero, () => terminal);
  assert.equal(toDevice.isTTY, true, 'whether it is a terminal is the stream\'s answer');
  toDevice.write('text\n');
  assert.deepEqual(Buffer.concat(terminal.got).toString(), 'text\n');
  closeSync(zero);
});

test('a full non-blocking pipe: what does not fit goes through the stream, in order, and so does what follows', { skip: !posix && 'named pipes' }, () => {
  const pipe = namedPipe('full');
  const fallback = fakeStdout();
  const out = stdoutStream(pipe.write, () => fallback);
  // Far more than a pipe holds (64 KB on Linux, 16 KB or so elsewhere).
  const report = Array.from({ length: 40_000 }, (_, i) => `finding ${i}\n`).join('');
  out.write(report);
  out.write('after\n');
  const direct = drain(pipe.read);
  assert.ok(direct.length > 0 && direct.length < Buffer.byteLength(report), `${direct.length} bytes went straight to the pipe`);
  assert.equal(Buffer.concat([direct, ...fallback.got]).toString(), report + 'after\n');
  assert.ok(fallback.onError, 'the stream\'s errors are handled');
  closeSync(pipe.read);
  closeSync(pipe.write);
});

test('bytes and text go out in the order written, straight to a file and through the stream once a pipe is full', { skip: !posix && 'named pipes' }, () => {
  const path = join(root, 'bytes.txt');
  const fd = openSync(path, 'w');
  const fileFallback = fakeStdout();
  const toFile = stdoutStream(fd, () => fileFallback);
  assert.equal(toFile.writeBytes!(Buffer.from('{"files":[“one”,', 'utf8')), true);
  assert.equal(toFile.write('"two"'), true);
  assert.equal(toFile.writeBytes!(new TextEncoder().encode(']}\n')), true);
  closeSync(fd);
  assert.equal(readFileSync(path, 'utf8'), '{"files":[“one”,"two"]}\n');
  assert.deepEqual(fileFallback.got, []);

  const pipe = namedPipe('bytes-full');
  const fallback = fakeStdout();
  const out = stdoutStream(pipe.write, () => fallback);
  const chunk = Buffer.from(Array.from({ length: 20_000 }, (_, i) => `“finding” ${i}\n`).join(''), 'utf8');
  out.writeBytes!(chunk.subarray(0, 1000));
  out.writeBytes!(chunk.subarray(1000));
  out.write('after\n');
  out.writeBytes!(Buffer.from('last\n'));
  const direct = drain(pipe.read);
  assert.ok(direct.length > 0 && direct.length < chunk.length, `${direct.length} bytes went straight to the pipe`);
  assert.equal(Buffer.concat([direct, ...fallback.got]).toString(), chunk.toString() + 'after\nlast\n');
  closeSync(pipe.read);
  closeSync(pipe.write);
});

test('a pipe whose reader went away: the write fails quietly and the rest is dropped', { skip: !posix && 'named pipes' }, () => {
  const pipe = namedPipe('closed');
  closeSync(pipe.read);
  const fallback = fakeStdout();
  const out = stdoutStream(pipe.write, () => fallback);
  assert.equal(out.write('first\n'), false);
  assert.equal(out.write('second\n'), false);
  assert.deepEqual(fallback.got, [], 'nothing is handed to the stream');
  closeSync(pipe.write);
});

test('a reader that goes away while the stream has the rest: EPIPE from the stream ends the output quietly', () => {
  const fallback = fakeStdout(true);
  const out = stdoutStream(-1, () => fallback);
  out.write('to the terminal\n');
  const epipe = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
  fallback.onError!(epipe);
  assert.equal(out.write('more\n'), false);
  assert.equal(Buffer.concat(fallback.got).toString(), 'to the terminal\n');
  assert.throws(() => fallback.onError!(Object.assign(new Error('write EIO'), { code: 'EIO' })), /EIO/);
});

test('the CLI exits at once only when standard output and error hold nothing queued', () => {
  assert.equal(outputPending({}), false, 'neither stream used');
  assert.equal(outputPending({ out: { writableLength: 0 }, err: { writableLength: 0 } }), false);
  assert.equal(outputPending({ out: { writableLength: 65_536 } }), true, 'report still queued');
  assert.equal(outputPending({ out: { writableLength: 0 }, err: { writableLength: 12 } }), true, 'a warning still queued');
});
