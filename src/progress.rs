//! The `dedup` progress line on stderr: a bar over the input's bytes when
//! their total is known (files), with the rate and an estimate of the time
//! left; a spinner with the articles read and their rate (whole numbers)
//! when it is not (standard input). indicatif redraws it; what it says is
//! [`status`], a plain function of the counts.

use indicatif::{HumanBytes, HumanCount, HumanDuration, ProgressBar, ProgressStyle};
use std::time::{Duration, Instant};

/// Columns of the bar itself.
const BAR: usize = 24;

/// The line shown: for a known total, `[#####·····]  41%  12.0 MiB / 29.3
/// MiB  8,120 articles  3.1 MiB/s  ETA 6 seconds`; else `8,120 articles
/// 2,504/s`. Rates and counts are whole numbers.
pub fn status(bytes: u64, total: Option<u64>, articles: u64, elapsed: Duration) -> String {
    let secs = elapsed.as_secs_f64();
    let per_sec = |n: u64| if secs > 0.0 { n as f64 / secs } else { 0.0 };
    let arts = format!(
        "{} article{}",
        HumanCount(articles),
        if articles == 1 { "" } else { "s" }
    );
    match total.filter(|&t| t > 0) {
        Some(total) => {
            let done = bytes.min(total);
            let share = done as f64 / total as f64;
            let filled = ((share * BAR as f64).floor() as usize).min(BAR);
            let rate = per_sec(done);
            let eta = if done >= total {
                String::from("done")
            } else if rate > 0.0 {
                let left = Duration::from_secs(((total - done) as f64 / rate).ceil() as u64);
                format!("ETA {}", HumanDuration(left))
            } else {
                String::from("ETA unknown")
            };
            format!(
                "[{}{}] {:>3}%  {} / {}  {}  {}/s  {}",
                "#".repeat(filled),
                "\u{b7}".repeat(BAR - filled),
                (share * 100.0).floor() as u64,
                HumanBytes(done),
                HumanBytes(total),
                arts,
                HumanBytes(rate as u64),
                eta
            )
        }
        None => format!("{arts}  {}/s", HumanCount(per_sec(articles) as u64)),
    }
}

/// The progress of one run: hidden when stderr is not a terminal.
pub struct Progress {
    bar: ProgressBar,
    total: Option<u64>,
    bytes: u64,
    articles: u64,
    start: Instant,
}

impl Progress {
    /// A progress line over `total` bytes (`None`: unknown), shown only
    /// when `visible`.
    pub fn new(total: Option<u64>, visible: bool) -> Progress {
        let bar = if visible {
            let bar = ProgressBar::new_spinner();
            if let Ok(style) = ProgressStyle::with_template(if total.is_some() {
                "{msg}"
            } else {
                "{spinner} {msg}"
            }) {
                bar.set_style(style);
            }
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        } else {
            ProgressBar::hidden()
        };
        Progress {
            bar,
            total,
            bytes: 0,
            articles: 0,
            start: Instant::now(),
        }
    }

    /// Counts a chunk read: its articles and bytes.
    pub fn advance(&mut self, articles: usize, bytes: u64) {
        self.articles += articles as u64;
        self.bytes += bytes;
        self.bar.set_message(status(
            self.bytes,
            self.total,
            self.articles,
            self.start.elapsed(),
        ));
    }

    /// Runs `f` with the line cleared (for messages on stderr).
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        self.bar.suspend(f)
    }

    /// Clears the line for good.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_known_size_draws_a_bar_with_rate_and_estimate() {
        let s = status(
            5 * 1024 * 1024,
            Some(20 * 1024 * 1024),
            7522,
            Duration::from_secs(2),
        );
        assert!(s.starts_with("[######"), "{s}");
        assert!(s.contains(" 25%"), "{s}");
        assert!(s.contains("5.00 MiB / 20.00 MiB"), "{s}");
        assert!(s.contains("7,522 articles"), "{s}");
        assert!(s.contains("2.50 MiB/s"), "{s}");
        // 15 MiB left at 2.5 MiB/s.
        assert!(s.contains("ETA 6 seconds"), "{s}");
        let done = status(10, Some(10), 1, Duration::from_secs(1));
        assert!(done.contains("100%") && done.ends_with("done"), "{done}");
        assert!(done.contains("1 article "), "{done}");
    }

    #[test]
    fn an_unknown_size_counts_articles_in_whole_numbers() {
        let s = status(0, None, 15045, Duration::from_millis(2000));
        assert_eq!(s, "15,045 articles  7,522/s");
        assert_eq!(
            status(0, None, 0, Duration::ZERO),
            "0 articles  0/s",
            "no division by zero"
        );
    }
}
