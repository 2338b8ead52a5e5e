//! The `wirediff` binary: parse arguments, call the library, render, and map
//! errors to exit codes. Nothing here knows how articles are compared.

mod cli;
mod pager;
mod progress;

use anyhow::{Context, Result};
use clap::Parser;
use cli::{
    Cli, ColorArg, Command, CompareFormat, DedupFormat, LayoutArg, ListFormat, RelationArg,
    ThemeArg,
};
use std::io::{self, Write};
use std::process::ExitCode;
use wirediff::{render, Document, Input};

/// mimalloc for the binary: sentences, tokens and signatures make many small
/// short-lived allocations, which glibc's malloc spent 5-10% of the
/// instructions on (callgrind, ALIGN K=3000 and dedup 10k), and its
/// thread-local heaps keep rayon's workers from sharing one arena. Without
/// transparent huge pages (`no_thp`): with them a `compare` of two short
/// articles held 24 MB resident instead of 9, and dedup 10k 95 MB instead
/// of 51.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Has the allocator give freed memory back to the system at once rather
/// than after its delay (mimalloc 3: one second). A `dedup --window` frees
/// its whole index at each rebuild and builds it again; with the delay the
/// freed pages were still resident while the new index was built, and
/// the 200k-article windowed run peaked 20 MB higher (measured by
/// `MIMALLOC_PURGE_DELAY=0`, which this sets from within). It costs system
/// time (madvise calls), so only a windowed run asks for it.
fn purge_freed_memory_at_once() {
    /// `mi_option_purge_delay` of mimalloc.h (2.1 and 3: the enum keeps
    /// retired options in place, so the number is stable); the Rust
    /// bindings do not name it.
    const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    // SAFETY: sets one of mimalloc's options, which it reads at each
    // purge; no memory is touched.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 0) }
}

/// Exit statuses, in one place.
mod exit {
    /// Success (and, with `--exit-code`, nothing to report).
    pub const OK: u8 = 0;
    /// With `--exit-code`: the articles differ.
    pub const DIFFER: u8 = 1;
    /// An error: bad arguments or bad input.
    pub const ERROR: u8 = 2;
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::from(exit::OK);
            }
            eprintln!("wirediff: {}", one_line(&causes_once(&e)));
            ExitCode::from(exit::ERROR)
        }
    }
}

/// The error and its causes as one message, each cause once: an error that
/// already shows its source (`path: No such file…`) is not followed by that
/// source again, as anyhow's `{:#}` would do.
fn causes_once(e: &anyhow::Error) -> String {
    let mut message = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if message.contains(&text) {
            continue;
        }
        if !message.is_empty() {
            message.push_str(": ");
        }
        message.push_str(&text);
    }
    message
}

/// The environment, read once (only here): renderers are handed decisions.
struct Env {
    no_color: bool,
    clicolor_force: bool,
    /// TERM=dumb: a terminal that shows escape codes as text.
    term_dumb: bool,
    stdout_tty: bool,
    stderr_tty: bool,
    terminal_width: Option<usize>,
    terminal_height: Option<usize>,
    columns: Option<usize>,
    /// `$WIREDIFF_PAGER`, then `$PAGER`.
    pagers: [Option<String>; 2],
}

impl Env {
    fn read() -> Env {
        use std::io::IsTerminal;
        let var = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty());
        let stdout_tty = io::stdout().is_terminal();
        Env {
            no_color: var("NO_COLOR").is_some(),
            clicolor_force: var("CLICOLOR_FORCE").is_some_and(|v| v != "0"),
            term_dumb: var("TERM").is_some_and(|v| v == "dumb"),
            stdout_tty,
            stderr_tty: io::stderr().is_terminal(),
            terminal_width: terminal_size::terminal_size().map(|(w, _)| w.0 as usize),
            terminal_height: terminal_size::terminal_size()
                .map(|(_, h)| h.0 as usize)
                .filter(|&h| h > 0)
                .or_else(|| var("LINES").and_then(|v| v.to_str()?.trim().parse().ok())),
            columns: var("COLUMNS").and_then(|v| v.to_str()?.trim().parse().ok()),
            pagers: ["WIREDIFF_PAGER", "PAGER"]
                .map(|k| std::env::var_os(k).map(|v| v.to_string_lossy().into_owned())),
        }
    }
}

/// `--color always|never` wins; under `auto` NO_COLOR turns color off, then
/// CLICOLOR_FORCE turns it on, then TERM=dumb turns it off, else color only
/// a terminal. Writing to a file (`-o`) is never a terminal.
fn use_color(arg: ColorArg, env: &Env, to_file: bool) -> bool {
    match arg {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto if env.no_color => false,
        ColorArg::Auto if env.clicolor_force => true,
        ColorArg::Auto if env.term_dumb => false,
        ColorArg::Auto => env.stdout_tty && !to_file,
    }
}

/// OSC 8 hyperlinks only on a terminal that is not TERM=dumb (a terminal
/// without them shows the escape as text), never into a file or a pipe.
fn use_hyperlinks(env: &Env, to_file: bool) -> bool {
    env.stdout_tty && !env.term_dumb && !to_file
}

/// `--width`, else the terminal's, else COLUMNS, else 80.
fn width(arg: Option<usize>, env: &Env) -> usize {
    arg.or(env.terminal_width.filter(|_| env.stdout_tty))
        .or(env.columns)
        .unwrap_or(80)
        .max(1)
}

fn run(cli: Cli) -> Result<u8> {
    let env = Env::read();
    let pager = pager::Pager::new(
        env.stdout_tty,
        cli.no_pager,
        env.pagers.clone(),
        (env.terminal_height.unwrap_or(24), width(None, &env)),
    );
    let pager = &pager;
    match cli.command {
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut cmd, "wirediff", &mut out);
            emit(None, |w| w.write_all(&out))?;
        }
        Command::Man => {
            let mut out = Vec::new();
            clap_mangen::Man::new(<Cli as clap::CommandFactory>::command()).render(&mut out)?;
            emit(None, |w| w.write_all(&out))?;
        }
        Command::Compare {
            a,
            others,
            ids,
            format,
            layout,
            color,
            theme,
            width: width_arg,
            output,
            exit_code,
        } => {
            let mut docs = load_compared(&a, &others, ids.as_deref())?;
            let opts = render::RenderOptions {
                color: use_color(color, &env, output.is_some()),
                theme: match theme {
                    ThemeArg::Dark => render::Theme::Dark,
                    ThemeArg::Light => render::Theme::Light,
                },
                width: width(width_arg, &env),
                layout: match layout {
                    LayoutArg::Inline => render::Layout::Inline,
                    LayoutArg::SideBySide => render::Layout::SideBySide,
                },
                hyperlinks: use_hyperlinks(&env, output.is_some()),
            };
            let differs = if docs.len() == 2 {
                let db = docs.pop().context("second article")?;
                let da = docs.pop().context("first article")?;
                let docs = wirediff::Pair::new(da, db);
                let c = wirediff::compare(&docs.a, &docs.b, &wirediff::CompareOptions::default());
                let draw = |out: &mut dyn Write| match format {
                    CompareFormat::Terminal => render::terminal::comparison(&docs, &c, &opts, out),
                    CompareFormat::Json => render::json::comparison(&docs, &c, out),
                    CompareFormat::Html => render::html::comparison(&docs, &c, &opts, out),
                };
                deliver(output.as_deref(), pager, draw)?;
                c.differs()
            } else {
                let c = wirediff::collate(&docs, &wirediff::CompareOptions::default());
                let draw = |out: &mut dyn Write| match format {
                    CompareFormat::Terminal => render::groups::collation(&docs, &c, &opts, out),
                    CompareFormat::Json => render::json::collation(&docs, &c, out),
                    CompareFormat::Html => render::html_groups::collation(&docs, &c, &opts, out),
                };
                deliver(output.as_deref(), pager, draw)?;
                c.differs()
            };
            if exit_code && differs {
                return Ok(exit::DIFFER);
            }
        }
        Command::Dedup {
            inputs,
            format,
            threshold,
            relation,
            exit_code,
            state,
            window,
            against,
            tokenize_only,
            memory_report,
            note_commits,
            trace_candidates,
        } => {
            if tokenize_only {
                return dedup_tokenize_only(&inputs);
            }
            let report = Diagnostics {
                memory_report,
                trace_candidates,
                durable: Durable {
                    state,
                    window,
                    against,
                    note_commits,
                },
            };
            return dedup(
                &inputs,
                format,
                threshold,
                &relation,
                exit_code,
                report,
                (&env, pager),
            );
        }
        Command::State { action } => state_command(action)?,
        Command::Sentences { files, format } => {
            // Sentences alone: quotes are not asked for, so not extracted.
            let docs = load(&files, Document::segmented)?;
            emit(Some(pager), |out| match format {
                ListFormat::Text => render::text::sentences(&docs, out),
                ListFormat::Json => render::json::articles(&docs, out),
            })?;
        }
        Command::Quotes { files, format } => {
            let docs = load(&files, Document::analyze)?;
            emit(Some(pager), |out| match format {
                ListFormat::Text => render::text::quotes(&docs, out),
                ListFormat::Json => render::json::articles(&docs, out),
            })?;
        }
    }
    Ok(exit::OK)
}

/// `dedup --tokenize-only` (hidden): the read-and-tokenize pass alone, for
/// benchmarks (BENCHMARKS.md).
fn dedup_tokenize_only(inputs: &[String]) -> Result<u8> {
    let total =
        wirediff::corpus::run::tokenize_inputs(inputs.iter().map(|a| Input::parse(a)).collect());
    eprintln!(
        "wirediff: {} articles, {} sentences, {} words",
        total.articles, total.sentences, total.words
    );
    Ok(exit::OK)
}

/// What the hidden `dedup` flags ask for beside the output, and the
/// state flags.
#[derive(Debug, Clone)]
struct Diagnostics {
    memory_report: bool,
    trace_candidates: bool,
    durable: Durable,
}

/// `dedup --state`, `--window`, `--against`.
#[derive(Debug, Clone, Default)]
struct Durable {
    state: Option<std::path::PathBuf>,
    window: Option<i64>,
    against: Option<std::path::PathBuf>,
    /// Hidden `--note-commits`, for the tests that kill a run.
    note_commits: bool,
}

/// `wirediff state info|compact PATH`.
fn state_command(action: cli::StateAction) -> Result<()> {
    use wirediff::corpus::state::State;
    match action {
        cli::StateAction::Info { path } => {
            let info = State::open_existing(&path)?.info()?;
            let day = |t: i64| wirediff::facts::dates::Day(t.div_euclid(86_400) as i32).iso();
            let range = info.times.map_or("no dates".to_string(), |(lo, hi)| {
                format!("{} to {}", day(lo), day(hi))
            });
            let mut out = io::stdout().lock();
            writeln!(
                out,
                "{}\narticles {}\ndates {range}\nlinks {}\nchunks {}\npositions given {}\nsize {} bytes\nwritten by wirediff {}",
                path.display(),
                info.articles,
                info.links,
                info.chunks,
                info.next_position,
                info.bytes,
                info.version
            )?;
        }
        cli::StateAction::Compact { path } => {
            let mut state = State::open(&path)?;
            let before = state.info()?.bytes;
            state.compact()?;
            drop(state);
            let after = std::fs::metadata(&path).map_or(0, |m| m.len());
            println!("{}: {before} -> {after} bytes", path.display());
        }
    }
    Ok(())
}

/// `dedup`: streams the inputs through the library chunk by chunk and
/// writes each chunk's pairs as soon as they are confirmed. Bad records are
/// reported one line each and skipped; the exit status is decided at the end.
fn dedup(
    inputs: &[String],
    format: DedupFormat,
    threshold: f32,
    relations: &[RelationArg],
    exit_code: bool,
    diagnostics: Diagnostics,
    (env, pager): (&Env, &pager::Pager),
) -> Result<u8> {
    use wirediff::corpus::{self, report, DedupOptions, Relation, RunError, RunOptions};
    let opts = DedupOptions {
        threshold,
        relations: relations
            .iter()
            .map(|r| match r {
                RelationArg::Duplicate => Relation::Duplicate,
                RelationArg::Derived => Relation::Derived,
                RelationArg::SameStory => Relation::SameStory,
            })
            .collect(),
        trace: diagnostics.trace_candidates,
        window: diagnostics.durable.window,
        keep_records: diagnostics.durable.state.is_some(),
        against_only: diagnostics.durable.against.is_some(),
    };
    if opts.window.is_some() {
        purge_freed_memory_at_once();
    }
    let mut progress = progress::Progress::new(input_bytes(inputs), env.stderr_tty);
    let mut shown = Shown {
        progress: &mut progress,
        note_commits: diagnostics.durable.note_commits,
    };
    let run = RunOptions {
        dedup: opts,
        state: diagnostics.durable.state,
        against: diagnostics.durable.against,
        keep: format == DedupFormat::Terminal,
    };
    let inputs = inputs.iter().map(|a| Input::parse(a)).collect();
    let mut outcome =
        corpus::run(inputs, run, &mut io::stdout(), &mut shown).map_err(|e| match e {
            RunError::Output(e) => anyhow::Error::new(e).context("standard output"),
            e => anyhow::Error::new(e),
        })?;
    if outcome.replayed > 0 {
        eprintln!(
            "wirediff: {} articles already in the state skipped",
            outcome.replayed
        );
    }
    progress.finish();
    if diagnostics.memory_report {
        eprint!("{}", outcome.deduper.memory_report());
    }
    // A stream goes on past a bad record and reports what it could read;
    // when nothing could be read at all, the error is the whole answer.
    if format == DedupFormat::Terminal && !(outcome.errored && outcome.read == 0) {
        emit(Some(pager), |out| {
            report::terminal(
                &outcome.pairs,
                |p| outcome.deduper.cluster_of(p.cluster, Relation::SameStory),
                &outcome.catalog,
                width(None, env),
                out,
            )
        })?;
    }
    Ok(if outcome.errored {
        exit::ERROR
    } else if exit_code && outcome.found {
        exit::DIFFER
    } else {
        exit::OK
    })
}

/// What a `dedup` run shows on the way: the progress line, and above it
/// each chunk's warnings, skipped records and trace lines, one line each.
struct Shown<'a> {
    progress: &'a mut progress::Progress,
    /// Hidden `--note-commits`: a line after each commit of the state.
    note_commits: bool,
}

impl wirediff::corpus::Progress for Shown<'_> {
    fn chunk(&mut self, batch: &wirediff::corpus::Batch, bytes: u64) {
        self.progress.advance(batch.articles, bytes);
        self.progress.suspend(|| {
            for w in &batch.warnings {
                eprintln!("wirediff: warning: {}", one_line(w));
            }
            for e in &batch.problems {
                eprintln!("wirediff: {}", one_line(&e.to_string()));
            }
            for line in &batch.trace {
                eprintln!("{}", one_line(line));
            }
        });
    }

    fn committed(&mut self, held: usize) {
        if self.note_commits {
            eprintln!("wirediff: chunk committed, {held} articles held");
        }
    }
}

/// The total size of the inputs when every one is a file (a bar can then
/// show how far the run is); `None` for standard input or a folder.
fn input_bytes(inputs: &[String]) -> Option<u64> {
    inputs
        .iter()
        .try_fold(0u64, |sum, arg| match Input::parse(arg) {
            Input::Stdin => None,
            Input::Path(p) => {
                let meta = std::fs::metadata(p).ok()?;
                meta.is_file().then(|| sum + meta.len())
            }
        })
}

/// Reads and analyzes every input; warnings go to stderr, one line each.
fn load(
    files: &[String],
    analyze: impl Fn(wirediff::Article) -> Document + Sync + Send,
) -> Result<Vec<Document>> {
    let inputs: Vec<Input> = files.iter().map(|f| Input::parse(f)).collect();
    let loaded = wirediff::article::read_inputs(&inputs)?;
    for w in &loaded.warnings {
        eprintln!("wirediff: warning: {}", one_line(w));
    }
    use rayon::prelude::*;
    Ok(loaded.articles.into_par_iter().map(analyze).collect())
}

/// The articles of `compare`: two or more inputs, or two or more ids of
/// one input, analyzed in input order.
fn load_compared(a: &str, others: &[String], ids: Option<&[String]>) -> Result<Vec<Document>> {
    let mut loaded = wirediff::Loaded::default();
    match ids {
        Some(ids) if ids.len() >= 2 => {
            wirediff::article::read_reference(a, &mut loaded)?;
            let mut all = std::mem::take(&mut loaded.articles);
            for id in ids {
                let found = wirediff::article::pick(&mut all, id)
                    .with_context(|| format!("{a}: no article with id `{id}`"))?;
                loaded.articles.push(found);
            }
        }
        None if !others.is_empty() => {
            for arg in std::iter::once(a).chain(others.iter().map(String::as_str)) {
                let before = loaded.articles.len();
                wirediff::article::read_reference(arg, &mut loaded)?;
                let n = loaded.articles.len() - before;
                if n != 1 {
                    anyhow::bail!(
                        "{arg}: holds {n} articles; compare takes one article per input (pick one with FILE#id)"
                    );
                }
            }
        }
        _ => anyhow::bail!("compare needs two articles: A B, or A --ids ID_A ID_B"),
    }
    for w in &loaded.warnings {
        eprintln!("wirediff: warning: {}", one_line(w));
    }
    use rayon::prelude::*;
    Ok(loaded
        .articles
        .into_par_iter()
        .map(Document::analyze)
        .collect())
}

/// The operating system's error without the temporary file's name that
/// tempfile adds: a message names the file the user asked for, never ours.
fn os_error(e: io::Error) -> io::Error {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(&e);
    while let Some(c) = cause {
        if let Some(code) = c
            .downcast_ref::<io::Error>()
            .and_then(io::Error::raw_os_error)
        {
            return io::Error::from_raw_os_error(code);
        }
        cause = c.source();
    }
    // tempfile keeps the OS error private and appends ` at path "…"`.
    let text = e.to_string();
    match text.find(" at path ") {
        Some(cut) => io::Error::new(e.kind(), &text[..cut]),
        None => e,
    }
}

/// Where a chain of symbolic links ending in a missing file points (the
/// case `canonicalize` refuses); `None` when `path` is no link or the
/// chain loops (40 steps, the kernel's own limit).
fn link_target(path: &std::path::Path) -> Option<std::path::PathBuf> {
    let mut at = path.to_path_buf();
    for _ in 0..40 {
        if !std::fs::symlink_metadata(&at)
            .ok()?
            .file_type()
            .is_symlink()
        {
            return None;
        }
        let to = std::fs::read_link(&at).ok()?;
        at = match at.parent() {
            Some(dir) if to.is_relative() => dir.join(to),
            _ => to,
        };
        if std::fs::symlink_metadata(&at).is_err() {
            return Some(at);
        }
    }
    None
}

/// Writes to a temporary file beside `path` and renames it into place, so a
/// failure never leaves half a report.
fn write_file(
    path: &std::path::Path,
    f: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    let target = || format!("{}: cannot write the output file", path.display());
    // A device or a pipe (`-o /dev/null`, `-o /dev/full`) is written into, as
    // the shell's `>` would; renaming a file over it would replace the device.
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
        let mut w = io::BufWriter::new(
            std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .with_context(target)?,
        );
        f(&mut w).and_then(|()| w.flush()).with_context(target)?;
        return Ok(());
    }
    // Through a symbolic link, the file it names is replaced, not the link,
    // and a link to a file not made yet makes that file, as the shell's `>`.
    let real = std::fs::canonicalize(path)
        .ok()
        .or_else(|| link_target(path));
    let path = real.as_deref().unwrap_or(path);
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .map_err(os_error)
        .with_context(target)?;
    {
        let mut w = io::BufWriter::new(tmp.as_file_mut());
        f(&mut w).map_err(os_error).with_context(target)?;
        w.flush().map_err(os_error).with_context(target)?;
    }
    // On a full disk the data may fail only here.
    tmp.as_file()
        .sync_all()
        .map_err(os_error)
        .with_context(target)?;
    // A temporary file is private (0600); a report is an ordinary file, so it
    // gets the mode the file it replaces had, else rw-r--r--.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path)
            .map(|m| m.permissions().mode())
            .unwrap_or(0o644);
        std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(mode))
            .map_err(os_error)
            .with_context(target)?;
    }
    tmp.persist(path)
        .map_err(|e| os_error(e.error))
        .with_context(target)?;
    Ok(())
}

/// Writes everything to stdout through one buffer, so output appears only
/// when it is complete; through the pager, if one is given and wanted.
/// Writes what `draw` renders to `-o FILE` (all or nothing) or, without
/// one, to standard output through the pager.
fn deliver(
    output: Option<&std::path::Path>,
    pager: &pager::Pager,
    draw: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    match output {
        Some(path) => write_file(path, draw),
        None => emit(Some(pager), draw),
    }
}

fn emit(
    pager: Option<&pager::Pager>,
    f: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    let mut buf = Vec::with_capacity(1 << 16);
    f(&mut buf).context("rendering")?;
    match pager {
        Some(p) => p.show(&buf),
        None => {
            let stdout = io::stdout();
            let mut lock = stdout.lock();
            lock.write_all(&buf).and_then(|()| lock.flush())
        }
    }
    .context("standard output")?;
    Ok(())
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// An error message is one line, whatever the input put in it.
fn one_line(s: &str) -> String {
    wirediff::render::sanitize::for_terminal(s, false).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(no_color: bool, force: bool, tty: bool) -> Env {
        Env {
            no_color,
            clicolor_force: force,
            term_dumb: false,
            stdout_tty: tty,
            stderr_tty: false,
            terminal_width: None,
            terminal_height: None,
            columns: None,
            pagers: [None, None],
        }
    }

    #[test]
    fn a_dumb_terminal_gets_no_color_unless_forced() {
        for force in [false, true] {
            let e = Env {
                term_dumb: true,
                ..env(false, force, true)
            };
            assert_eq!(use_color(ColorArg::Auto, &e, false), force);
            assert!(use_color(ColorArg::Always, &e, false));
        }
    }

    #[test]
    fn color_decision_covers_every_combination() {
        for no_color in [false, true] {
            for force in [false, true] {
                for tty in [false, true] {
                    let e = env(no_color, force, tty);
                    assert!(use_color(ColorArg::Always, &e, false));
                    assert!(!use_color(ColorArg::Never, &e, false));
                    let want = !no_color && (force || tty);
                    assert_eq!(
                        use_color(ColorArg::Auto, &e, false),
                        want,
                        "{no_color} {force} {tty}"
                    );
                    assert_eq!(use_color(ColorArg::Auto, &e, true), !no_color && force);
                }
            }
        }
    }

    #[test]
    fn width_prefers_flag_then_terminal_then_columns() {
        let mut e = env(false, false, true);
        assert_eq!(width(None, &e), 80);
        e.columns = Some(100);
        assert_eq!(width(None, &e), 100);
        e.terminal_width = Some(120);
        assert_eq!(width(None, &e), 120);
        assert_eq!(width(Some(60), &e), 60);
    }
}
