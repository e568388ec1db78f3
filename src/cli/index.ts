// The command line: parses argv, runs one command, and returns its exit code. Nothing here
// calls process.exit; bin/ecom-report sets process.exitCode from the returned number.
import { Command, CommanderError, Option } from 'commander';
import { ExitCode, UserError, formatUserError, type Location } from '../errors.js';
import { processContext, type CommandContext } from './context.js';

const EXAMPLES = `
Examples:
  $ ecom-report build --quarter 2026Q3
  $ ecom-report build --quarter Q3 2026 --config shop/ecom-report.yaml --out deck.pptx --locale en
  $ ecom-report validate --config shop/ecom-report.yaml
  $ ecom-report metrics --quarter 2026-Q3 --json > figures.json
  $ ecom-report template init brand && ecom-report build --template templates/brand
  $ ecom-report build --quarter 2026Q3 --pdf --email a@example.com,b@example.com --json
  $ ecom-report send out/ecom-report-2026Q3.pptx --to a@example.com
  $ ecom-report init shop

Exit codes: 0 done, 1 input problems (listed), 2 usage or config error, 3 the deck, PDF or e-mail
could not be made (an output not writable, LibreOffice or SMTP settings missing, a recipient refused),
70 an internal error (please report it).`;

function buildProgram(ctx: CommandContext, setResult: (p: Promise<number>) => void): Command {
  const program = new Command('ecom-report');
  program
    .description('Turn e-commerce platform exports into the quarterly work-report deck (.pptx).')
    .version(VERSION, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', EXAMPLES)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s),
    });

  const quarterOpt = () =>
    new Option('-q, --quarter <quarter>', 'report quarter: 2026Q3, 2026-Q3 or "Q3 2026" (default: the last complete quarter)');
  const configOpt = () => new Option('-c, --config <file>', 'workspace config (default: ./ecom-report.yaml)');

  program
    .command('build')
    .description('read the exports, compute the figures and write the deck')
    .addOption(quarterOpt())
    .addOption(configOpt())
    .option('-t, --template <dir>', 'template folder or packaged name (default: from config, else "default")')
    .addOption(new Option('-l, --locale <locale>', 'language of the deck').choices(['zh-CN', 'en']))
    .option('-o, --out <file>', 'where to write the deck (default: <workspace>/out/ecom-report-<quarter>.pptx)')
    .option('--metrics-json <file>', 'also write every figure with its provenance as JSON')
    .option('--allow-partial', 'build even when some rows could not be read (they are left out and listed)')
    .option('--pdf', 'also write the deck as PDF (needs LibreOffice)')
    .option('--email <addresses...>', 'e-mail the deck to these addresses (a,b or several values); SMTP settings from ECOM_REPORT_SMTP_* variables')
    .option('--json', 'print one JSON document with the result on stdout')
    .action((opts) => {
      setResult(import('./commands/build.js').then((m) => m.buildCommand(opts, ctx)));
    });

  program
    .command('send')
    .description('e-mail a built deck with the headline figures and key charts (SMTP settings from ECOM_REPORT_SMTP_* variables)')
    .argument('<deck>', 'the .pptx to send')
    // Not variadic: `send --to a@x.cn out/deck.pptx` must not take the deck for an address.
    .requiredOption('--to <addresses>', 'recipients, comma-separated (the flag may be repeated)', (v: string, prev?: string[]) => [...(prev ?? []), v])
    .addOption(new Option('-q, --quarter <quarter>', "quarter of the figures in the e-mail (default: from the deck's file name, e.g. ecom-report-2026Q3.pptx)"))
    .addOption(configOpt())
    .option('-t, --template <dir>', 'template folder or packaged name (default: from config, else "default")')
    .addOption(new Option('-l, --locale <locale>', 'language of the e-mail').choices(['zh-CN', 'en']))
    .option('--pdf', 'also attach the deck as PDF (needs LibreOffice)')
    .option('--allow-partial', 'send even when some rows could not be read')
    .option('--json', 'print one JSON document with the result on stdout')
    .action((deck: string, opts) => {
      setResult(import('./commands/send.js').then((m) => m.sendCommand(deck, opts, ctx)));
    });

  program
    .command('init')
    .description('write a workspace with example exports for two platforms that builds as it is')
    .argument('[dir]', 'folder to write it in (default: the current folder)')
    .addOption(new Option('-l, --locale <locale>', 'language of the workspace').choices(['zh-CN', 'en']).default('zh-CN'))
    .action((dir: string | undefined, opts) => {
      setResult(import('./commands/init.js').then((m) => m.initCommand({ dir, ...opts }, ctx)));
    });

  program
    .command('validate')
    .description('check every input and list problems as file:row:column')
    .addOption(quarterOpt())
    .addOption(configOpt())
    .option('--json', 'print the problems and file summaries as JSON on stdout')
    .action((opts) => {
      setResult(import('./commands/validate.js').then((m) => m.validateCommand(opts, ctx)));
    });

  program
    .command('metrics')
    .description('print the figures as a table, or the metrics document with --json')
    .addOption(quarterOpt())
    .addOption(configOpt())
    .option('--json', 'print the metrics document as JSON on stdout')
    .action((opts) => {
      setResult(import('./commands/metrics.js').then((m) => m.metricsCommand(opts, ctx)));
    });

  const template = program.command('template').description('list the deck templates, or copy one into the workspace to restyle it');
  template
    .command('list')
    .description('list the packaged templates and those in <workspace>/templates/')
    .addOption(configOpt())
    .option('--json', 'print the list as JSON on stdout')
    .action((opts) => {
      setResult(import('./commands/template.js').then((m) => m.templateListCommand(opts, ctx)));
    });
  template
    .command('init')
    .description('copy a template to <workspace>/templates/NAME/ for editing (see docs/restyle.md)')
    .argument('<name>', 'name of the new template folder')
    .option('--from <template>', 'template to copy', 'default')
    .addOption(configOpt())
    .action((name: string, opts) => {
      setResult(import('./commands/template.js').then((m) => m.templateInitCommand(name, opts, ctx)));
    });

  return program;
}

const VERSION = '0.1.0';

/** Joins `--quarter Q3 2026` written without quotes back into one value. */
function joinQuarterWords(argv: string[]): string[] {
  const out = [...argv];
  for (let i = 0; i < out.length - 2; i++) {
    if ((out[i] === '--quarter' || out[i] === '-q') && /^Q[1-4]$/i.test(out[i + 1]!) && /^\d{4}$/.test(out[i + 2]!)) {
      out.splice(i + 1, 2, `${out[i + 1]} ${out[i + 2]}`);
    }
  }
  return out;
}

/**
 * `--json` promises one JSON document on stdout; a run that fails before its command has one
 * to print (a bad flag, a missing config, an unwritable output) still gives one, so a script
 * reading stdout always gets `ok` and the reason instead of empty output.
 */
function failureJson(exitCode: number, error: { message: string; hint?: string; location?: Location; internal?: boolean }): string {
  const location = error.location && Object.keys(error.location).length > 0 ? error.location : undefined;
  return JSON.stringify({ ok: false, exitCode, error: { ...error, location } }, null, 2) + '\n';
}

/** `--json` among the arguments, not after a `--` that ends the options. */
function asksForJson(argv: string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--json');
}

export async function run(argv: string[], ctx: CommandContext = processContext()): Promise<number> {
  const json = asksForJson(argv);
  let result: Promise<number> | undefined;
  const program = buildProgram(ctx, (p) => {
    result = p;
  });
  try {
    await program.parseAsync(joinQuarterWords(argv), { from: 'user' });
    if (!result) {
      if (argv.length === 0) {
        program.outputHelp();
        return ExitCode.usage;
      }
      return ExitCode.ok;
    }
    return await result;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Bare `ecom-report` shows the help too, but as a usage error: a script that lost its arguments should fail.
      if (err.code === 'commander.help' && argv.length === 0) return ExitCode.usage;
      // Help shown in place of a missing subcommand (`ecom-report template`) or for an unknown
      // one (`ecom-report help bogus`) is a usage error as well; commander marks it exitCode 1.
      if (err.code === 'commander.help' && err.exitCode !== 0) return ExitCode.usage;
      // --help and --version end here too, successfully.
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return ExitCode.ok;
      if (json) ctx.stdout.write(failureJson(ExitCode.usage, { message: err.message.replace(/^error: /, ''), hint: 'run with --help for usage' }));
      return ExitCode.usage;
    }
    if (err instanceof UserError) {
      ctx.stderr.write(`ecom-report: ${formatUserError(err)}\n`);
      if (json) ctx.stdout.write(failureJson(err.exitCode, { message: err.message, hint: err.hint, location: err.location }));
      return err.exitCode;
    }
    // Anything else is a bug: keep the stack so it can be reported.
    ctx.stderr.write(`ecom-report: internal error — please report it with the lines below\n${(err as Error).stack ?? String(err)}\n`);
    if (json) ctx.stdout.write(failureJson(70, { message: (err as Error).message ?? String(err), internal: true }));
    return 70;
  }
}
