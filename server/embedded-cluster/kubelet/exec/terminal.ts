/**
 * The input side of an exec session. With a TTY it is the line discipline a pty gives a shell in
 * canonical mode: typed characters are echoed, Backspace erases, Enter ends the line, Ctrl-C
 * interrupts (and discards the line), Ctrl-D on an empty line is end of input; escape sequences
 * (arrow keys) are dropped. Without a TTY stdin is split into lines as they come.
 */

/** Lines from stdin, and interrupts. */
export class Terminal {
  private readonly lines: Array<string | undefined> = [];
  private waiting?: (line: string | undefined) => void;
  private current = '';
  private escape = false;
  private ended = false;
  /** Called on Ctrl-C (TTY only); true if it stopped a running command, else an empty line comes (a new prompt). */
  onInterrupt: () => boolean = () => false;

  constructor(
    private readonly options: { tty: boolean; stdin?: AsyncIterable<Buffer | string>; echo: (text: string) => void },
  ) {
    if (options.stdin) void this.pump(options.stdin);
    else this.end();
  }

  /** The next line (without its newline); undefined at end of input. */
  readLine(): Promise<string | undefined> {
    if (this.lines.length > 0) return Promise.resolve(this.lines.shift());
    if (this.ended) return Promise.resolve(undefined);
    return new Promise((resolve) => (this.waiting = resolve));
  }

  private deliver(line: string | undefined): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    if (waiting) waiting(line);
    else this.lines.push(line);
  }

  private end(): void {
    if (this.ended) return;
    if (!this.options.tty && this.current) this.deliver(this.current);
    this.current = '';
    this.ended = true;
    this.deliver(undefined);
  }

  private async pump(stdin: AsyncIterable<Buffer | string>): Promise<void> {
    try {
      for await (const chunk of stdin) {
        for (const c of chunk.toString()) {
          if (this.ended) return;
          if (this.options.tty) this.typed(c);
          else if (c === '\n') {
            this.deliver(this.current);
            this.current = '';
          } else this.current += c;
        }
      }
    } catch {
      // The stream broke: treat it as end of input.
    }
    this.end();
  }

  private typed(c: string): void {
    const { echo } = this.options;
    if (this.escape) {
      // CSI sequences end with a letter or `~`; a lone ESC followed by `[` continues.
      if (/[A-Za-z~]/.test(c)) this.escape = false;
      return;
    }
    if (c === '\x1b') this.escape = true;
    else if (c === '\r' || c === '\n') {
      echo('\r\n');
      this.deliver(this.current);
      this.current = '';
    } else if (c === '\x7f' || c === '\b') {
      if (this.current) {
        this.current = [...this.current].slice(0, -1).join('');
        echo('\b \b');
      }
    } else if (c === '\x03') {
      echo('^C\r\n');
      this.current = '';
      if (!this.onInterrupt()) this.deliver('');
    } else if (c === '\x04') {
      if (!this.current) this.end();
    } else if (c >= ' ') {
      this.current += c;
      echo(c);
    }
  }
}
