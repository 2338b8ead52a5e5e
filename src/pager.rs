//! A pager, as git uses one: output longer than the screen goes through
//! `$WIREDIFF_PAGER`, else `$PAGER`, else `less -RFX`, but only when
//! standard output is a terminal and `--no-pager` is not given. Piped or
//! redirected output is never paged.

use std::io::{self, Write};
use std::process::{Command, Stdio};

/// Where finished output goes: straight to stdout, or through a pager
/// when it is taller than the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pager {
    /// The pager's command line (run by `sh -c`), if paging is allowed.
    command: Option<String>,
    /// The screen's height and width.
    rows: usize,
    cols: usize,
}

impl Pager {
    /// The decision, from what `main` read of the environment. An empty
    /// command, or `cat`, means no pager (as in git).
    pub fn new(
        stdout_tty: bool,
        no_pager: bool,
        vars: [Option<String>; 2],
        screen: (usize, usize),
    ) -> Pager {
        let chosen = vars
            .into_iter()
            .flatten()
            .next()
            .unwrap_or_else(|| "less -RFX".to_string());
        let usable = !chosen.trim().is_empty() && chosen.trim() != "cat";
        Pager {
            command: (stdout_tty && !no_pager && usable).then_some(chosen),
            rows: screen.0.max(1),
            cols: screen.1.max(1),
        }
    }

    /// True when `text` needs more rows than the screen has (long lines
    /// counted as the rows they wrap onto).
    fn too_tall(&self, text: &[u8]) -> bool {
        let mut rows = 0;
        for line in text.split(|&b| b == b'\n') {
            let w = unicode_width::UnicodeWidthStr::width(String::from_utf8_lossy(line).as_ref());
            rows += 1 + w.saturating_sub(1) / self.cols;
            if rows >= self.rows {
                return true;
            }
        }
        false
    }

    /// Writes `text`: through the pager when it is on and `text` is taller
    /// than the screen, else to stdout. A pager that cannot start is
    /// skipped; one the user quits early is not an error.
    pub fn show(&self, text: &[u8]) -> io::Result<()> {
        if let Some(cmd) = self.command.as_deref().filter(|_| self.too_tall(text)) {
            let mut sh = Command::new("sh");
            sh.arg("-c").arg(cmd).stdin(Stdio::piped());
            if std::env::var_os("LESS").is_none() {
                // As git does: quit if one screen, keep colors, no clearing.
                sh.env("LESS", "FRX");
            }
            if let Ok(mut child) = sh.spawn() {
                if let Some(mut input) = child.stdin.take() {
                    match input.write_all(text) {
                        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => return Err(e),
                        _ => {}
                    }
                }
                child.wait()?;
                return Ok(());
            }
        }
        let stdout = io::stdout();
        let mut lock = stdout.lock();
        lock.write_all(text)?;
        lock.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::Pager;

    fn var(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn the_pager_is_chosen_like_git() {
        let p = |tty, no, vars| Pager::new(tty, no, vars, (24, 80)).command;
        assert_eq!(p(true, false, [None, None]).as_deref(), Some("less -RFX"));
        assert_eq!(
            p(true, false, [var("most"), var("more")]).as_deref(),
            Some("most")
        );
        assert_eq!(p(true, false, [None, var("more")]).as_deref(), Some("more"));
        assert_eq!(p(true, false, [var(""), var("more")]), None);
        assert_eq!(p(true, false, [var("cat"), None]), None);
        assert_eq!(p(false, false, [None, None]), None, "never when piped");
        assert_eq!(p(true, true, [None, None]), None, "--no-pager");
    }

    #[test]
    fn only_output_taller_than_the_screen_is_paged() {
        let p = Pager::new(true, false, [None, None], (5, 10));
        assert!(!p.too_tall(b"one\ntwo\nthree\n"));
        assert!(p.too_tall(b"1\n2\n3\n4\n5\n6\n"));
        assert!(p.too_tall(&[b'x'; 60]), "a long line wraps onto rows");
    }
}
