// Per-file progress on stderr (rows, MB, rate), only when stderr is a terminal.
import type { CommandContext } from './context.js';

export class Progress {
  private lastDraw = 0;
  private startedAt = 0;
  constructor(private readonly ctx: CommandContext) {}

  fileStart(): void {
    this.startedAt = this.ctx.now();
  }

  update(file: string, bytesRead: number, totalBytes: number, rows: number): void {
    if (!this.ctx.interactive) return;
    const now = this.ctx.now();
    if (now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const mb = bytesRead / 1e6;
    const seconds = Math.max((now - this.startedAt) / 1000, 0.001);
    const pct = totalBytes > 0 ? Math.floor((bytesRead / totalBytes) * 100) : 100;
    this.ctx.stderr.write(
      `\r\x1b[2Kreading ${file}  ${pct}%  ${mb.toFixed(1)} MB  ${rows.toLocaleString('en-US')} rows  ${(mb / seconds).toFixed(0)} MB/s`,
    );
  }

  fileDone(file: string, rows: number, bytes: number): void {
    if (!this.ctx.interactive) return;
    const seconds = Math.max((this.ctx.now() - this.startedAt) / 1000, 0.001);
    this.ctx.stderr.write(
      `\r\x1b[2Kread ${file}  ${(bytes / 1e6).toFixed(1)} MB  ${rows.toLocaleString('en-US')} rows  ${seconds.toFixed(1)} s\n`,
    );
  }

  note(text: string): void {
    if (this.ctx.interactive) this.ctx.stderr.write(`${text}\n`);
  }
}
